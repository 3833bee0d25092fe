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
import se.insyn.recording.vault.access.service.Approval;
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

  /** Any authenticated caller reaches the check, so that every refusal is audited (R51). */
  @POST
  @Path("/playback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_OCTET_STREAM, "audio/*", "video/*", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Play a recording, with a reason (R8, R50, R51)",
      description =
          "Role reviewer only; the reason's purpose must be the policy's purpose; a secrecy-classed"
              + " line also needs a second reviewer's approval first. Every playback and every"
              + " refusal is audited. Answers the decrypted content.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "threat",
                      value =
                          "{\"reasonCode\":\"THREAT_INVESTIGATION\",\"caseRef\":\"AM 2026/77\"}")))
  @APIResponse(responseCode = "200", ref = ContentResponses.DECRYPTED)
  @APIResponse(responseCode = "404", description = "No such recording, or no content")
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public Response playback(@PathParam("id") UUID id, AccessReason reason) {
    access.authorizePlayback(id, reason, caller);
    return ContentResponses.stream(id, content.open(id));
  }

  @POST
  @Path("/access-approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(AccessService.PLAYBACK_ROLE)
  @Operation(
      summary = "A second reviewer approves someone's access to a secrecy-classed recording (R50)")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "approval",
                      value =
                          """
                          {"requester":"3f1c9a52-7d4e-4b8a-9c2f-1e6d5b4a3c21","reasonCode":"CASE_HANDLING",\
                          "caseRef":"SOC 2026/12"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Approved",
      content =
          @Content(
              schema = @Schema(implementation = ApprovalDto.class),
              examples = @ExampleObject(name = "approved", value = APPROVAL)))
  @APIResponse(responseCode = "404", description = "No such recording")
  public Response approve(@PathParam("id") UUID id, Approval request, @Context UriInfo uri) {
    ApprovalDto approved = ApprovalDto.of(access.approve(id, request, caller));
    return Response.created(uri.getAbsolutePathBuilder().path(approved.id().toString()).build())
        .entity(approved)
        .build();
  }
}
