package se.insyn.recording.vault.content.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.ProblemException;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;

/** Facts about stored content, for the roles that may see metadata; each look is audited. */
@ApplicationScoped
public class ContentQueries {

  /** A recording's content facts; {@code sealIntact} as {@link ContentService#sealIntact}. */
  public record Facts(Recording recording, Boolean sealIntact) {}

  private final RecordingRepository recordings;
  private final ContentService content;
  private final AuditOutbox audit;

  ContentQueries(RecordingRepository recordings, ContentService content, AuditOutbox audit) {
    this.recordings = recordings;
    this.content = content;
    this.audit = audit;
  }

  @Transactional(dontRollbackOn = ContentGoneException.class)
  public Facts facts(UUID id) {
    Recording r =
        recordings
            .findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("No recording " + id));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("view", "CONTENT_FACTS");
    data.put("disposed", r.disposed());
    audit.record(EventType.RECORDING_VIEWED, "recording/" + id, null, null, data);
    if (r.disposed()) {
      throw new ContentGoneException(id, r.disposalReceipt);
    }
    if (r.contentState == null) {
      throw ProblemException.notFound("The recording has no content");
    }
    return new Facts(
        r, r.contentState == Recording.ContentState.SEALED ? content.sealIntact(r) : null);
  }
}
