package se.insyn.recording.vault.access.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.vault.access.service.AccessReason;
import se.insyn.recording.vault.access.service.AccessService;
import se.insyn.recording.vault.content.rest.ContentResponses;
import se.insyn.recording.vault.content.service.ContentService;

@Path("/api/v1/recordings/{id}")
@Authenticated
@Tag(name = "Access")
public class PlaybackResource {

  private final AccessService access;
  private final ContentService content;
  private final SecurityIdentity caller;

  PlaybackResource(AccessService access, ContentService content, SecurityIdentity caller) {
    this.access = access;
    this.content = content;
    this.caller = caller;
  }

  /**
   * Any authenticated caller reaches the check, and the body is read by the check, so that every
   * refusal is audited, a missing or malformed reason included (R51, R60).
   */
  @POST
  @Path("/playback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_OCTET_STREAM, "audio/*", "video/*", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Play a recording, with a reason (R8, R50, R51)",
      description =
          "Role reviewer only; the reason's purpose must be the policy's purpose; a secrecy-classed"
              + " line also needs the caller's own access request approved by a second reviewer,"
              + " used by this one playback. Every playback and every refusal is audited. Answers"
              + " the decrypted content.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = AccessReason.class),
              examples =
                  @ExampleObject(
                      name = "threat",
                      value =
                          "{\"reasonCode\":\"THREAT_INVESTIGATION\",\"caseRef\":\"AM 2026/77\"}")))
  @APIResponse(responseCode = "200", ref = ContentResponses.DECRYPTED)
  @APIResponse(
      responseCode = "400",
      description = "No reason, or a malformed one; refused and audited (R51)")
  @APIResponse(
      responseCode = "403",
      description =
          "Refused and audited: not a reviewer (whether or not the recording exists), the wrong"
              + " purpose, or no usable second approval")
  @APIResponse(responseCode = "404", description = "No such recording, or no content")
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public Response playback(@PathParam("id") UUID id, String body) {
    access.authorizePlayback(id, body, caller);
    return ContentResponses.stream(id, content.open(id));
  }

  @POST
  @Path("/access-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessService.PLAYBACK_ROLE)
  @Operation(
      summary = "Ask for access to a secrecy-classed recording (R50)",
      description =
          "The reviewer who needs the access asks; a second reviewer approves. The approval is"
              + " used by one playback with the same reason and case, and expires.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "request",
                      value = "{\"reasonCode\":\"CASE_HANDLING\",\"caseRef\":\"SOC 2026/12\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Requested; waits for a second reviewer",
      content =
          @Content(
              schema = @Schema(implementation = ApprovalDto.class),
              examples = @ExampleObject(name = "requested", value = ACCESS_REQUEST)))
  @APIResponse(responseCode = "404", description = "No such recording")
  public Response request(@PathParam("id") UUID id, AccessReason reason, @Context UriInfo uri) {
    ApprovalDto requested = ApprovalDto.of(access.request(id, reason, caller));
    return Response.created(uri.getAbsolutePathBuilder().path(requested.id().toString()).build())
        .entity(requested)
        .build();
  }

  @POST
  @Path("/access-requests/{requestId}/approval")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessService.PLAYBACK_ROLE)
  @Operation(
      summary = "A second reviewer approves someone's access request (R50)",
      description =
          "Not one's own request (403, audited). Usable by one playback until"
              + " insyn.recording.access.approval-validity (default 24 h) has passed.")
  @APIResponse(
      responseCode = "200",
      description = "Approved",
      content =
          @Content(
              schema = @Schema(implementation = ApprovalDto.class),
              examples = @ExampleObject(name = "approved", value = APPROVAL)))
  @APIResponse(responseCode = "403", description = "One's own request")
  @APIResponse(responseCode = "404", description = "No such recording or request")
  @APIResponse(responseCode = "409", description = "Already approved, or the request expired")
  public ApprovalDto approve(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
    return ApprovalDto.of(access.approve(id, requestId, caller));
  }
}
