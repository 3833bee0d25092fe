package se.insyn.recording.gate.decision.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.gate.decision.service.Decision;
import se.insyn.recording.gate.decision.service.DecisionService;
import se.insyn.recording.gate.decision.service.RecordingRequest;

/**
 * "May I record?" (R1): the gate's one endpoint. It shares its path with the recording lifecycle
 * ({@code recording.rest.RecordingResource}) because a PERMIT creates the recording there.
 */
@Path("/api/v1/recordings")
@Authenticated
@Tag(name = "Recordings")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

  private final DecisionService decisions;

  DecisionResource(DecisionService decisions) {
    this.decisions = decisions;
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
  public Response decide(RecordingRequest request, @Context UriInfo uri) {
    Decision decision = decisions.decide(request);
    if (!decision.permitted()) {
      return Response.ok(DecisionDto.of(decision)).build();
    }
    return Response.created(uri.getAbsolutePathBuilder().path(decision.id().toString()).build())
        .entity(DecisionDto.of(decision))
        .build();
  }
}
