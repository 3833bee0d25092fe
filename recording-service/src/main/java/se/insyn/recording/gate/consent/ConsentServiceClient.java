package se.insyn.recording.gate.consent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The consent-service's decision API and its change feed. Both are called with the
 * recording-service's own identity (client-credentials token, role decision-client), not the
 * platform's: the question is asked, and the feed followed, on the suite's behalf. Only {@link
 * ConsentGateway} and {@link ConsentChangeFeed} use it.
 */
@RegisterRestClient(configKey = "consent-service")
@OidcClientFilter
@Path("/api/v1")
interface ConsentServiceClient {

  @POST
  @Path("/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Uni<Answer> decide(Question question);

  /** The consents that stopped counting, after the given feed position, oldest first. */
  @GET
  @Path("/consent-changes")
  @Produces(MediaType.APPLICATION_JSON)
  Uni<ChangePage> changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

  record Question(String purpose, List<Subject> subjects, String sessionId) {}

  record Subject(String type, String value) {}

  /** Tolerant of fields the consent-service may add later. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Answer(String decision, String decisionId, List<SubjectAnswer> subjects) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SubjectAnswer(String decision, String reason, String consentId, String noticeVersion) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ChangePage(List<Change> changes, Long next) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Change(long position, String consentId, String purpose, String change, String at) {}
}
