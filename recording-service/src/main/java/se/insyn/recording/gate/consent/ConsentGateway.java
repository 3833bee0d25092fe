package se.insyn.recording.gate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import se.insyn.recording.platform.config.RecordingConfig;

/**
 * The one place that talks to the consent-service. It owns the timeout and maps every failure
 * (down, slow, error status, unreadable answer, no token) to UNAVAILABLE: the decision fails closed
 * (R2). Nothing is cached, so no answer outlives the question it was given for.
 */
@ApplicationScoped
public class ConsentGateway {

  private static final Logger LOG = Logger.getLogger(ConsentGateway.class);

  /**
   * What the consent-service said, reduced to what the decision needs: the outcome, its decision
   * id, and the ids of the consents it relied on (kept on the recording so that a withdrawal of one
   * of them can stop it).
   */
  public record Verdict(Outcome outcome, String decisionId, List<String> consentIds) {

    Verdict(Outcome outcome, String decisionId) {
      this(outcome, decisionId, List.of());
    }
  }

  public enum Outcome {
    PERMIT,
    DENY,
    UNAVAILABLE
  }

  private final ConsentServiceClient client;
  private final RecordingConfig config;

  ConsentGateway(@RestClient ConsentServiceClient client, RecordingConfig config) {
    this.client = client;
    this.config = config;
  }

  /**
   * Asks whether the named parties allow recording for the consent purpose.
   *
   * @param callerNumber E.164 number of the caller, or null when the caller is not asked
   * @param employees subject ids of the employees to ask (may be empty)
   */
  public Verdict ask(
      String purposeCode, String callerNumber, List<String> employees, String sessionId) {
    List<ConsentServiceClient.Subject> subjects = new ArrayList<>();
    if (callerNumber != null) {
      subjects.add(new ConsentServiceClient.Subject("phone", callerNumber));
    }
    employees.forEach(e -> subjects.add(new ConsentServiceClient.Subject("employee", e)));
    ConsentServiceClient.Answer answer;
    try {
      answer =
          client
              .decide(new ConsentServiceClient.Question(purposeCode, subjects, sessionId))
              .await()
              .atMost(config.consent().timeout());
    } catch (RuntimeException e) {
      LOG.warnf("consent-service unavailable (%s): failing closed", e.getClass().getSimpleName());
      return new Verdict(Outcome.UNAVAILABLE, null);
    }
    if (answer == null || answer.decision() == null) {
      return new Verdict(Outcome.UNAVAILABLE, null);
    }
    return switch (answer.decision()) {
      case "PERMIT" -> new Verdict(Outcome.PERMIT, answer.decisionId(), consentIds(answer));
      case "DENY" -> new Verdict(Outcome.DENY, answer.decisionId());
      default -> new Verdict(Outcome.UNAVAILABLE, answer.decisionId());
    };
  }

  private static List<String> consentIds(ConsentServiceClient.Answer answer) {
    if (answer.subjects() == null) {
      return List.of();
    }
    return answer.subjects().stream()
        .map(ConsentServiceClient.SubjectAnswer::consentId)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }
}
