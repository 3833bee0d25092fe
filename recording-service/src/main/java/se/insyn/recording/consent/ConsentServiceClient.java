package se.insyn.recording.consent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The consent-service's decision API. Called with the recording-service's own identity
 * (client-credentials token), not the platform's: the question is asked on the suite's behalf. Only
 * {@link ConsentGateway} uses it.
 */
@RegisterRestClient(configKey = "consent-service")
@OidcClientFilter
@Path("/api/v1/decisions")
interface ConsentServiceClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Uni<Answer> decide(Question question);

  record Question(String purpose, List<Subject> subjects, String sessionId) {}

  record Subject(String type, String value) {}

  /** Tolerant of fields the consent-service may add later. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Answer(String decision, String decisionId, List<SubjectAnswer> subjects) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SubjectAnswer(String decision, String reason, String consentId, String noticeVersion) {}
}
