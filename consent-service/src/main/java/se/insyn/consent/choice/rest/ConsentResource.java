package se.insyn.consent.choice.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import se.insyn.consent.choice.service.ConsentService;
import se.insyn.consent.choice.service.NewConsent;

@Path("/api/v1/consents")
@Authenticated
@Tag(name = "Choices")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

  private final ConsentService consents;

  ConsentResource(ConsentService consents) {
    this.consents = consents;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"employee", "recorder"})
  @Operation(
      summary = "Record a choice",
      description =
          "An employee records their own choice (no subject). A recorder records a citizen's"
              + " choice on their behalf: subject by phone number, mechanism and interaction id,"
              + " and only for a purpose that a policy of one of its channels asks callers about"
              + " (issue 21; 403 otherwise, 503 when the recording-service cannot tell). Silence"
              + " is not a choice and cannot be recorded.")
  @RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "employee",
                    value =
                        """
                        {"purpose": "camera-in-video-meeting", "noticeVersion": 2,
                         "choice": "REFUSED", "scope": "STANDING"}"""),
                @ExampleObject(
                    name = "caller by DTMF",
                    value =
                        """
                        {"purpose": "call-recording-caller", "noticeVersion": 1,
                         "choice": "GIVEN", "scope": "SESSION", "sessionId": "call-0042",
                         "subject": {"type": "phone", "value": "+46701234567"},
                         "mechanism": "DTMF", "interactionId": "call-0042"}""")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location points at it",
      content = @Content(schema = @Schema(implementation = ConsentDto.class)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown purpose or notice version, or a purpose not about this subject")
  public Response record(NewConsent request, UriInfo uri) {
    ConsentDto recorded = ConsentDto.of(consents.record(request), false);
    return Response.created(uri.getAbsolutePathBuilder().path(recorded.id().toString()).build())
        .entity(recorded)
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed("employee")
  @Operation(summary = "One of the caller's own choices")
  @APIResponse(responseCode = "200", description = "The choice")
  @APIResponse(responseCode = "404", description = "No such choice of the caller's")
  public ConsentDto get(@PathParam("id") UUID id) {
    return ConsentDto.of(consents.own(id), false);
  }

  @POST
  @Path("/{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"employee", "recorder"})
  @Operation(
      summary = "Withdraw a choice",
      description =
          "One step, effective for the next decision, idempotent. The subject themself, or a"
              + " recorder on a citizen's behalf within a new interaction, and only a choice that"
              + " recorder recorded itself (issue 21).")
  @APIResponse(responseCode = "200", description = "Withdrawn (now or before)")
  @APIResponse(responseCode = "404", description = "No such choice the caller may withdraw")
  public ConsentDto withdraw(@PathParam("id") UUID id, Withdrawal request) {
    return ConsentDto.of(
        consents.withdraw(id, request == null ? null : request.interactionId()), false);
  }
}
