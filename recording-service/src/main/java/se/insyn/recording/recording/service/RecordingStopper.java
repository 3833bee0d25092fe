package se.insyn.recording.recording.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.recording.repository.Recording;

/** Ends a recording and writes the event that says so; shared by stop, transfer and kill switch. */
@ApplicationScoped
public class RecordingStopper {

  private final AuditOutbox audit;

  RecordingStopper(AuditOutbox audit) {
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void stop(Recording r, Recording.StopReason reason) {
    stop(r, reason, Map.of());
  }

  /** Stops with further facts for the audit event (e.g. which consent change caused it). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void stop(Recording r, Recording.StopReason reason, Map<String, Object> because) {
    r.state =
        reason == Recording.StopReason.CONSENT_WITHDRAWN
            ? Recording.State.STOPPED_CONSENT_WITHDRAWN
            : Recording.State.STOPPED;
    r.stoppedAt = Instant.now();
    r.stopReason = reason;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reason", reason.name());
    data.put("channelId", r.channelId.toString());
    data.put("policyId", r.policyId.toString());
    data.put("policyVersion", r.policyVersion);
    data.put("confirmedStarted", r.startedAt != null);
    data.putAll(because);
    audit.record(EventType.RECORDING_STOPPED, "recording/" + r.id, null, null, data);
  }
}
