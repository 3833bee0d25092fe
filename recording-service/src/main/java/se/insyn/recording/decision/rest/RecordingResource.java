package se.insyn.recording.decision.rest;

import static se.insyn.recording.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.problem.Problem;
import se.insyn.recording.access.service.RecordingListing;
import se.insyn.recording.decision.service.Decision;
import se.insyn.recording.decision.service.DecisionService;
import se.insyn.recording.decision.service.RecordingRequest;
import se.insyn.recording.decision.service.RecordingService;
import se.insyn.recording.decision.service.Transfer;

@Path("/api/v1/recordings")
@Authenticated
@Tag(name = "Recordings")
@Produces(MediaType.APPLICATION_JSON)
public class RecordingResource {

  private final DecisionService decisions;
  private final RecordingService recordings;
  private final RecordingListing listing;

  RecordingResource(
      DecisionService decisions, RecordingService recordings, RecordingListing listing) {
    this.decisions = decisions;
    this.recordings = recordings;
    this.listing = listing;
  }

  @GET
  @RolesAllowed({"recording-admin", "it-operator", "investigator", "dpo"})
  @Operation(
      summary = "List recordings' metadata (R50, R51)",
      description =
          "By channel and creation time window [from, to), oldest first, at most `limit` (default"
              + " 100, at most 1000). Never content. Every listing is audited.")
  @APIResponse(
      responseCode = "200",
      description = "Metadata",
      content =
          @Content(
              schema = @Schema(implementation = RecordingMetadataDto.class),
              examples = @ExampleObject(name = "recordings", value = RECORDING_LIST)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid query (violations name the parameters)",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid", value = VALIDATION)))
  public List<RecordingMetadataDto> list(
      @QueryParam("channel") UUID channel,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return listing.list(channel, from, to, limit).stream().map(RecordingMetadataDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recorder")
  @Operation(
      summary = "May I record? (R1, R2, R29, R38)",
      description =
          "Finds the active policy version for the channel, time and direction, asks the"
              + " consent-service for the parties the policy names and answers PERMIT (201) or"
              + " DENY (200). Fails closed: consent-service down or slow is DENY"
              + " DECISION_UNAVAILABLE. Every answer is audited.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "incoming call",
                      value =
                          """
                          {"channelId":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11","callId":"pbx-7f3a-2291",\
                          "direction":"INBOUND","trigger":"ON_DEMAND",\
                          "participants":{"callerNumber":"+46701234567","employeeIds":["emp-4711"]}}""")))
  @APIResponse(
      responseCode = "201",
      description = "PERMIT: play the announcement, then confirm with /started",
      content =
          @Content(
              schema = @Schema(implementation = DecisionDto.class),
              examples =
                  @ExampleObject(
                      name = "permit",
                      value =
                          """
                          {"id":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21","decision":"PERMIT",\
                          "policyId":"9a1b2c3d-0000-4000-8000-000000000001","policyVersion":2,\
                          "noticeVersion":"threat-notice-v3","announcement":{"sv":"Samtalet spelas in..."},\
                          "deleteAfter":"2027-02-21T10:15:00Z"}""")))
  @APIResponse(
      responseCode = "200",
      description = "DENY: do not record",
      content =
          @Content(
              schema = @Schema(implementation = DecisionDto.class),
              examples =
                  @ExampleObject(
                      name = "deny",
                      value = "{\"decision\":\"DENY\",\"reasons\":[\"NO_APPROVED_POLICY\"]}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid request body (violations name the fields)",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid", value = VALIDATION)))
  public Response decide(RecordingRequest request, @Context UriInfo uri) {
    Decision decision = decisions.decide(request);
    if (!decision.permitted()) {
      return Response.ok(DecisionDto.of(decision)).build();
    }
    return Response.created(uri.getAbsolutePathBuilder().path(decision.id().toString()).build())
        .entity(DecisionDto.of(decision))
        .build();
  }

  @POST
  @Path("/{id}/started")
  @RolesAllowed("recorder")
  @Operation(summary = "The notice has played and capture begins (R20)")
  @APIResponse(
      responseCode = "200",
      description = "Capturing",
      content =
          @Content(
              schema = @Schema(implementation = RecordingDto.class),
              examples = @ExampleObject(name = "recording", value = RECORDING)))
  @APIResponse(
      responseCode = "404",
      description = "No such recording",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
  @APIResponse(
      responseCode = "409",
      description = "Not awaiting its start (stopped or started)",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "conflict", value = CONFLICT)))
  public RecordingDto started(@PathParam("id") UUID id) {
    return RecordingDto.of(recordings.started(id));
  }

  @POST
  @Path("/{id}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recorder")
  @Operation(
      summary = "The call was transferred; recording stops if the target is out of scope (R27)")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      value = "{\"targetChannelId\":\"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a12\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Still recording, or stopped with TRANSFER_OUT_OF_SCOPE",
      content =
          @Content(
              schema = @Schema(implementation = RecordingDto.class),
              examples = @ExampleObject(name = "recording", value = RECORDING)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid request body (violations name the fields)",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "invalid", value = VALIDATION)))
  @APIResponse(
      responseCode = "404",
      description = "No such recording",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
  @APIResponse(
      responseCode = "409",
      description = "Already stopped",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "conflict", value = CONFLICT)))
  public RecordingDto transfer(@PathParam("id") UUID id, Transfer request) {
    return RecordingDto.of(recordings.transfer(id, request));
  }

  @POST
  @Path("/{id}/stop")
  @RolesAllowed("recorder")
  @Operation(summary = "The recording ends")
  @APIResponse(
      responseCode = "200",
      description = "Stopped",
      content =
          @Content(
              schema = @Schema(implementation = RecordingDto.class),
              examples = @ExampleObject(name = "recording", value = RECORDING)))
  @APIResponse(
      responseCode = "404",
      description = "No such recording",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
  @APIResponse(
      responseCode = "409",
      description = "Already stopped",
      content =
          @Content(
              mediaType = PROBLEM,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "conflict", value = CONFLICT)))
  public RecordingDto stop(@PathParam("id") UUID id) {
    return RecordingDto.of(recordings.stop(id));
  }
}
