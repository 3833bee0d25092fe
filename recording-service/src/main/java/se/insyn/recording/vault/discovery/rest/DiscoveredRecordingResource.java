package se.insyn.recording.vault.discovery.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.identity.Caller;
import se.insyn.recording.vault.content.rest.ContentResponses;
import se.insyn.recording.vault.discovery.service.DiscoveryService;
import se.insyn.recording.vault.discovery.service.DpoDecision;
import se.insyn.recording.vault.discovery.service.IncidentAccess;
import se.insyn.recording.vault.discovery.service.NewDiscovery;

/**
 * Shadow recordings: found on a platform's own store by IT operations, reachable only by incident
 * handlers while quarantined, ended by the DPO's decision.
 */
@Path("/api/v1/discovered-recordings")
@Authenticated
@Tag(name = "Discovered recordings")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveredRecordingResource {

  private final DiscoveryService discovery;
  private final SecurityIdentity caller;

  DiscoveredRecordingResource(DiscoveryService discovery, SecurityIdentity caller) {
    this.discovery = discovery;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("it-operator")
  @Operation(
      summary = "Register recordings found on a platform's own store (issue 6, R64)",
      description =
          "Each is matched to the PERMIT for the same call on the same channel; those without one"
              + " are quarantined and one incident.opened event per batch carries the awareness"
              + " time and the 72-hour notification deadline.")
  @RequestBody(
      content = @Content(examples = @ExampleObject(name = "found", value = DISCOVERY_REQUEST)))
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content =
          @Content(
              schema = @Schema(implementation = DiscoveryBatchDto.class),
              examples = @ExampleObject(name = "quarantined", value = DISCOVERY_BATCH)))
  @APIResponse(
      responseCode = "409",
      description = "A recording of the platform is already registered")
  public Response register(NewDiscovery request, @Context UriInfo uri) {
    DiscoveryBatchDto batch =
        DiscoveryBatchDto.of(discovery.register(request, Caller.of(caller).subject()));
    return Response.status(Response.Status.CREATED).entity(batch).build();
  }

  @GET
  @RolesAllowed("incident-handler")
  @Operation(summary = "The quarantined recordings, oldest finding first")
  @APIResponse(
      responseCode = "200",
      description = "Quarantined recordings",
      content =
          @Content(
              schema = @Schema(implementation = DiscoveredRecordingDto.class),
              examples =
                  @ExampleObject(name = "quarantined", value = "[" + DISCOVERED_RECORDING + "]")))
  public List<DiscoveredRecordingDto> quarantined(
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return discovery.quarantined(limit).stream().map(DiscoveredRecordingDto::of).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed("incident-handler")
  @Operation(summary = "One discovered recording's metadata")
  @APIResponse(
      responseCode = "200",
      description = "The discovered recording",
      content =
          @Content(
              schema = @Schema(implementation = DiscoveredRecordingDto.class),
              examples = @ExampleObject(name = "quarantined", value = DISCOVERED_RECORDING)))
  @APIResponse(responseCode = "404", description = "No such discovered recording")
  public DiscoveredRecordingDto get(@PathParam("id") UUID id) {
    return DiscoveredRecordingDto.of(discovery.get(id));
  }

  @PUT
  @Path("/{id}/content")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed("it-operator")
  @Operation(
      summary = "Upload the platform's copy, encrypted like any content (R31)",
      description = "Streams through SHA-256 and AES-256-GCM with a data key of its own; once.")
  @RequestBody(ref = ContentResponses.UPLOAD)
  @APIResponse(
      responseCode = "201",
      description = "Stored",
      content =
          @Content(
              schema = @Schema(implementation = DiscoveredRecordingDto.class),
              examples = @ExampleObject(name = "stored", value = DISCOVERED_RECORDING)))
  @APIResponse(responseCode = "409", description = "Content already stored")
  public Response upload(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body,
      @Context UriInfo uri) {
    return Response.created(uri.getAbsolutePath())
        .entity(DiscoveredRecordingDto.of(discovery.upload(id, contentType, body)))
        .build();
  }

  @POST
  @Path("/{id}/playback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.WILDCARD)
  @RolesAllowed("incident-handler")
  @Operation(
      summary = "Play a discovered recording for an incident case",
      description = "Incident handlers only; every playback is audited with its case.")
  @RequestBody(
      content =
          @Content(
              examples = @ExampleObject(name = "case", value = "{\"caseRef\":\"INC 2026/9\"}")))
  @APIResponse(responseCode = "200", ref = ContentResponses.DECRYPTED)
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public Response playback(@PathParam("id") UUID id, IncidentAccess access) {
    return ContentResponses.stream(discovery.open(id, access));
  }

  @POST
  @Path("/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("dpo")
  @Operation(
      summary = "The DPO's decision: dispose under a decision, or keep as evidence under a hold",
      description =
          "DISPOSE needs decisionRef and crypto-shreds the content with a receipt;"
              + " KEEP_AS_EVIDENCE needs the id of an active legal hold. Both need a rationale"
              + " and are audited.")
  @RequestBody(
      content = @Content(examples = @ExampleObject(name = "dispose", value = DPO_DECISION)))
  @APIResponse(
      responseCode = "200",
      description = "Decided",
      content =
          @Content(
              schema = @Schema(implementation = DiscoveredRecordingDto.class),
              examples = @ExampleObject(name = "disposed", value = DISCOVERED_DISPOSED)))
  @APIResponse(
      responseCode = "409",
      description = "Not quarantined (already decided, or matched to a PERMIT)")
  @APIResponse(
      responseCode = "422",
      description = "The legal hold does not exist or has been released")
  public DiscoveredRecordingDto decide(@PathParam("id") UUID id, DpoDecision request) {
    return DiscoveredRecordingDto.of(discovery.decide(id, request, Caller.of(caller).subject()));
  }
}
