package se.insyn.recording.vault.content.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.repository.RecordingContentRepository;
import se.insyn.recording.vault.content.store.BlobStore;

/**
 * Uploads that died with their instance (SIGKILL, OOM, node loss during {@code PUT …/content}). A
 * recording still UPLOADING longer than {@code insyn.recording.disposal.stuck-upload-after} cannot
 * be receiving bytes any more: its partial bytes and its data key are destroyed and it is marked
 * UPLOAD_FAILED, after which the platform may upload it again. Runs at startup and with every
 * disposal run; each recording is settled in its own transaction under its row lock, so replicas
 * never clean up the same one twice.
 */
@ApplicationScoped
public class UploadRecovery {

  private static final Logger LOG = Logger.getLogger(UploadRecovery.class);

  private final RecordingContentRepository contents;
  private final ContentKeyRepository keys;
  private final BlobStore blobs;
  private final AuditOutbox audit;
  private final RecordingConfig config;

  UploadRecovery(
      RecordingContentRepository contents,
      ContentKeyRepository keys,
      BlobStore blobs,
      AuditOutbox audit,
      RecordingConfig config) {
    this.contents = contents;
    this.keys = keys;
    this.blobs = blobs;
    this.audit = audit;
    this.config = config;
  }

  void atStartup(@Observes StartupEvent start) {
    try {
      scheduled();
    } catch (RuntimeException e) {
      // A database that is not there yet must not stop the start; the scheduled run catches up.
      LOG.warnf("startup check for interrupted uploads failed: %s", e.toString());
    }
  }

  @Scheduled(
      identity = "recording-upload-recovery",
      every = "${insyn.recording.disposal.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int failed = recover(Instant.now());
    if (failed > 0) {
      LOG.warnf("%d interrupted upload(s) cleaned up and marked UPLOAD_FAILED", failed);
    }
  }

  /** Settles every upload begun before {@code now} minus the threshold; returns how many. */
  public int recover(Instant now) {
    Instant before = now.minus(config.disposal().stuckUploadAfter());
    List<UUID> stuck =
        QuarkusTransaction.requiringNew().call(() -> contents.uploadingSince(before, 1000));
    int failed = 0;
    for (UUID id : stuck) {
      try {
        if (QuarkusTransaction.requiringNew().call(() -> fail(id, before))) {
          failed++;
        }
      } catch (RuntimeException e) {
        // The row stays UPLOADING and the next run tries again.
        LOG.warnf("could not clean up the interrupted upload of %s yet: %s", id, e.toString());
      }
    }
    return failed;
  }

  private boolean fail(UUID id, Instant before) {
    Optional<Recording> locked = contents.lockUploadingSince(id, before);
    if (locked.isEmpty()) {
      return false;
    }
    Recording r = locked.get();
    try {
      blobs.deleteUnfinished(r.blobKey());
      blobs.delete(r.blobKey());
    } catch (IOException e) {
      throw new IllegalStateException("blob store unavailable", e);
    }
    boolean hadKey = keys.deleteById(id);
    Instant startedAt = r.uploadStartedAt;
    r.contentState = Recording.ContentState.UPLOAD_FAILED;
    r.contentType = null;
    r.uploadStartedAt = null;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("uploadStartedAt", String.valueOf(startedAt));
    data.put("dataKeyDestroyed", hadKey);
    data.put("channelId", r.channelId.toString());
    audit.record(EventType.RECORDING_CONTENT_UPLOAD_FAILED, "recording/" + r.id, null, null, data);
    return true;
  }
}
