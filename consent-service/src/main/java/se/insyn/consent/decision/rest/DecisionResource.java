package se.insyn.consent.decision.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.consent.decision.service.Decision;
import se.insyn.consent.decision.service.DecisionRequest;
import se.insyn.consent.decision.service.DecisionService;

@Path("/api/v1/decisions")
@Authenticated
@Tag(name = "Decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

  private final DecisionService decisions;

  DecisionResource(DecisionService decisions) {
    this.decisions = decisions;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("decision-client")
  @Operation(
      summary = "May this purpose go ahead for these people?",
      description =
          "PERMIT only if every subject permits; anything unknown is DENY. Each decision is"
              + " written to the audit trail; decisionId is that event's subject"
              + " (decision/<decisionId>). For the suite's own services (decision-client) only:"
              + " a phone system or meeting platform (recorder) never reads consent state, it"
              + " asks the recording-service \"may I record?\" (issue 21).")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "caller",
                      value =
                          """
                          {"purpose": "call-recording-caller",
                           "subjects": [{"type": "phone", "value": "+46701234567"}],
                           "sessionId": "call-0042"}""")))
  @APIResponse(
      responseCode = "200",
      description = "The decision",
      content =
          @Content(
              schema = @Schema(implementation = Decision.class),
              examples =
                  @ExampleObject(
                      name = "withdrawn",
                      value =
                          """
                          {"decision": "DENY", "decisionId": "7f3c2a9e-4b1d-4c55-9a51-0c3e8f1d2b6a",
                           "subjects": [{"decision": "DENY", "reason": "WITHDRAWN",
                                         "consentId": "0b9d6a0e-2f4c-4e21-8d1b-5a7c3e9f1a20",
                                         "noticeVersion": 1}]}""")))
  public Decision decide(DecisionRequest request) {
    return decisions.decide(request);
  }
}
