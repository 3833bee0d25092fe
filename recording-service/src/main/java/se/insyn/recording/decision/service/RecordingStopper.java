package se.insyn.recording.decision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.decision.repository.Recording;

/** Ends a recording and writes the event that says so; shared by stop, transfer and kill switch. */
@ApplicationScoped
public class RecordingStopper {

  private final AuditOutbox audit;

  RecordingStopper(AuditOutbox audit) {
    this.audit = audit;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void stop(Recording r, Recording.StopReason reason) {
    r.state = Recording.State.STOPPED;
    r.stoppedAt = Instant.now();
    r.stopReason = reason;
    audit.record(
        "recording.stopped",
        "recording/" + r.id,
        null,
        null,
        Map.of(
            "reason", reason.name(),
            "channelId", r.channelId.toString(),
            "policyId", r.policyId.toString(),
            "policyVersion", r.policyVersion,
            "confirmedStarted", r.startedAt != null));
  }
}
