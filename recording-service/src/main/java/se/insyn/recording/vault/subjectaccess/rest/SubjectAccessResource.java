package se.insyn.recording.vault.subjectaccess.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.identity.Caller;
import se.insyn.recording.vault.content.rest.ContentResponses;
import se.insyn.recording.vault.content.service.ContentService;
import se.insyn.recording.vault.subjectaccess.service.CopyRequest;
import se.insyn.recording.vault.subjectaccess.service.SubjectAccessService;
import se.insyn.recording.vault.subjectaccess.service.SubjectQuery;

@Path("/api/v1/subject-access")
@Authenticated
@Tag(name = "Subject access")
public class SubjectAccessResource {

  private final SubjectAccessService subjectAccess;
  private final ContentService content;
  private final JsonWebToken caller;

  SubjectAccessResource(
      SubjectAccessService subjectAccess, ContentService content, JsonWebToken caller) {
    this.subjectAccess = subjectAccess;
    this.content = content;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("dpo")
  @Operation(
      summary = "Was this person recorded? (R54, R56)",
      description =
          "By phone number and period, or by employee id: per recording when, where, under which"
              + " policy and purpose, retained or disposed of (when, under which decision) and who"
              + " reached it. Audited.")
  @RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "caller",
                    value =
                        """
                        {"phoneNumber":"+46701234567","from":"2026-11-01T00:00:00Z",\
                        "to":"2026-12-01T00:00:00Z"}"""),
                @ExampleObject(name = "employee", value = "{\"employeeId\":\"emp-4711\"}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The person's recordings",
      content =
          @Content(
              schema = @Schema(implementation = SubjectAccessDto.class),
              examples = @ExampleObject(name = "answer", value = SUBJECT_ACCESS)))
  @APIResponse(
      responseCode = "400",
      description = "Neither or both of phoneNumber and employeeId, or a bad period")
  public SubjectAccessDto find(SubjectQuery query) {
    return SubjectAccessDto.of(subjectAccess.find(query));
  }

  @POST
  @Path("/copy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_OCTET_STREAM, "audio/*", "video/*", MediaType.APPLICATION_JSON})
  @RolesAllowed("dpo")
  @Operation(
      summary = "A copy of the person's own recording (R50, R51, R55)",
      description =
          "Only a recording the named person is in, with the rights request's reference and the"
              + " right it answers; on a secrecy-classed line only after a second person approved"
              + " the DPO's copy request (used once). Audited as an export naming the request.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "copy",
                      value =
                          """
                          {"phoneNumber":"+46701234567",\
                          "recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21",\
                          "requestRef":"DPO 2026/41","reasonCode":"RIGHT_OF_ACCESS"}""")))
  @APIResponse(responseCode = "200", ref = ContentResponses.DECRYPTED)
  @APIResponse(responseCode = "400", description = "No request reference or reason code")
  @APIResponse(
      responseCode = "403",
      description = "A secrecy-classed line without an approved copy request; audited")
  @APIResponse(responseCode = "404", description = "Not a recording of this person, or no content")
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public Response copy(CopyRequest request) {
    subjectAccess.authorizeCopy(request, Caller.of(caller).subject());
    return ContentResponses.stream(request.recordingId(), content.open(request.recordingId()));
  }

  @POST
  @Path("/copy-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("dpo")
  @Operation(
      summary = "Ask for a second approval of a copy of a secrecy-classed recording (R50)",
      description = "The DPO who will make the copy asks; another DPO or an investigator approves.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "request",
                      value =
                          """
                          {"phoneNumber":"+46701234567",\
                          "recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21",\
                          "requestRef":"DPO 2026/41","reasonCode":"RIGHT_OF_ACCESS"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Requested; waits for a second person",
      content =
          @Content(
              schema = @Schema(implementation = CopyApprovalDto.class),
              examples = @ExampleObject(name = "requested", value = COPY_REQUEST)))
  @APIResponse(responseCode = "404", description = "Not a recording of this person")
  public Response requestCopy(CopyRequest request, @Context UriInfo uri) {
    CopyApprovalDto requested =
        CopyApprovalDto.of(subjectAccess.requestCopy(request, Caller.of(caller).subject()));
    return Response.created(uri.getAbsolutePathBuilder().path(requested.id().toString()).build())
        .entity(requested)
        .build();
  }

  @POST
  @Path("/copy-requests/{requestId}/approval")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({"dpo", "investigator"})
  @Operation(
      summary = "A second person approves a DPO's copy request (R50)",
      description =
          "Another DPO or an investigator, never the requester. Usable by one copy until"
              + " insyn.recording.access.approval-validity (default 24 h) has passed.")
  @APIResponse(
      responseCode = "200",
      description = "Approved",
      content =
          @Content(
              schema = @Schema(implementation = CopyApprovalDto.class),
              examples = @ExampleObject(name = "approved", value = COPY_REQUEST)))
  @APIResponse(responseCode = "403", description = "The requester, or neither dpo nor investigator")
  @APIResponse(responseCode = "404", description = "No such copy request")
  @APIResponse(responseCode = "409", description = "Approved before, or waited too long")
  public CopyApprovalDto approveCopy(@PathParam("requestId") UUID requestId) {
    return CopyApprovalDto.of(subjectAccess.approveCopy(requestId, Caller.of(caller).subject()));
  }
}
