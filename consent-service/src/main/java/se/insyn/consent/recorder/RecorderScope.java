package se.insyn.consent.recorder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.ProblemException;

/**
 * What a recorder (a phone system or meeting platform, known by its token's {@code azp}) may do
 * with callers' choices (issue 21): record one only for a purpose that a policy of one of its
 * channels asks callers about, and withdraw only the choices it recorded itself. Each refusal is
 * audited as {@code consent.platform-refused}, in a transaction of its own so that it stays on
 * record although the request fails.
 */
@ApplicationScoped
public class RecorderScope {

  private final SecurityIdentity identity;
  private final PlatformPurposes purposes;
  private final AuditOutbox audit;

  RecorderScope(SecurityIdentity identity, PlatformPurposes purposes, AuditOutbox audit) {
    this.identity = identity;
    this.purposes = purposes;
    this.audit = audit;
  }

  /** The calling platform's client id, or null when its token names no client. */
  public String platform() {
    return Caller.of(identity).client();
  }

  /**
   * @throws ProblemException 403 when none of the platform's channels uses the purpose, 503 when
   *     the recording-service cannot tell
   */
  public void requireChannelsUse(String purpose) {
    String platform = platform();
    if (platform != null && purposes.uses(platform, purpose)) {
      return;
    }
    Map<String, Object> data = refusal(platform, "RECORD_CHOICE");
    data.put("purpose", purpose);
    record("purpose/" + purpose, purpose, data);
    throw ProblemException.forbidden(
        "No policy of a channel that platform "
            + platform
            + " serves asks callers about purpose '"
            + purpose
            + "': a platform records callers' choices only for its own channels (R11, issue 21).");
  }

  /** Whether the calling platform recorded the choice, and so may withdraw it (R14). */
  public boolean recorded(String recordedByClient) {
    String platform = platform();
    return platform != null && platform.equals(recordedByClient);
  }

  /** Audits a withdrawal refused because another client recorded the choice. */
  public void withdrawalRefused(UUID consentId, String purpose) {
    Map<String, Object> data = refusal(platform(), "WITHDRAW");
    data.put("consentId", consentId.toString());
    record("consent/" + consentId, purpose, data);
  }

  private static Map<String, Object> refusal(String platform, String action) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("platform", String.valueOf(platform));
    data.put("action", action);
    return data;
  }

  private void record(String subject, String purpose, Map<String, Object> data) {
    QuarkusTransaction.requiringNew()
        .run(() -> audit.record(EventType.CONSENT_PLATFORM_REFUSED, subject, purpose, null, data));
  }
}
