package se.insyn.recording.recording.service;

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
import se.insyn.recording.recording.repository.Recording;

/**
 * A platform (phone system, meeting platform) acts only on what is its own (issue 21): it asks "may
 * I record?" only for the channels that name it, and starts, transfers, stops and uploads only the
 * recordings it got a PERMIT for. A platform is the client its token was issued to ({@code azp}).
 * Every refusal is audited as {@code recording.platform-refused} in a transaction of its own, so
 * the refusal is on record although the request fails.
 */
@ApplicationScoped
public class PlatformGuard {

  /** What a platform tried to do; the {@code action} of the audit event. */
  public enum Action {
    DECIDE,
    START,
    TRANSFER,
    STOP,
    UPLOAD
  }

  private final SecurityIdentity identity;
  private final AuditOutbox audit;

  PlatformGuard(SecurityIdentity identity, AuditOutbox audit) {
    this.identity = identity;
    this.audit = audit;
  }

  /** The calling platform's client id, or null when its token names no client. */
  public String platform() {
    return Caller.of(identity).client();
  }

  /**
   * A channel served by another platform, or by none, is a 403: the platform asked about a line it
   * knows of but does not serve (R1).
   *
   * @param servedBy the channel's platform, null when it has none
   */
  public void requireServes(UUID channelId, String servedBy) {
    String platform = platform();
    if (platform == null || !platform.equals(servedBy)) {
      refuse(Action.DECIDE, "channel/" + channelId, platform, channelId);
      throw ProblemException.forbidden(
          "Channel "
              + channelId
              + " is not served by platform "
              + platform
              + ": a platform asks \"may I record?\" only for its own channels (R1, issue 21).");
    }
  }

  /**
   * Another platform's recording is a 404, as if it did not exist: recording ids are handed only to
   * the platform that got the PERMIT, so another has no business knowing that one exists (R31).
   */
  public void requireOwn(Recording r, Action action) {
    String platform = platform();
    if (platform == null || !platform.equals(r.platform)) {
      refuse(action, "recording/" + r.id, platform, r.channelId);
      throw ProblemException.notFound("No recording " + r.id + " of platform " + platform);
    }
  }

  private void refuse(Action action, String subject, String platform, UUID channelId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("platform", String.valueOf(platform));
    data.put("action", action.name());
    data.put("channelId", channelId.toString());
    QuarkusTransaction.requiringNew()
        .run(() -> audit.record(EventType.RECORDING_PLATFORM_REFUSED, subject, null, null, data));
  }
}
