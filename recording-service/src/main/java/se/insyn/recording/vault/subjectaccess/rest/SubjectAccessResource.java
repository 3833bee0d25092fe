package se.insyn.recording.vault.subjectaccess.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
      summary = "A copy of the requester's own recording (R55)",
      description = "Only a recording the named person is in; audited as an export.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "copy",
                      value =
                          """
                          {"phoneNumber":"+46701234567",\
                          "recordingId":"5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21"}""")))
  @APIResponse(responseCode = "200", ref = ContentResponses.DECRYPTED)
  @APIResponse(responseCode = "404", description = "Not a recording of this person, or no content")
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public Response copy(SubjectQuery query) {
    subjectAccess.authorizeCopy(query, Caller.of(caller).subject());
    return ContentResponses.stream(query.recordingId(), content.open(query.recordingId()));
  }
}
