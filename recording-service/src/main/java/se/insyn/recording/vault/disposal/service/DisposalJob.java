package se.insyn.recording.vault.disposal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditEvent;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.store.BlobStore;
import se.insyn.recording.vault.disposal.repository.DisposalRepository;

/**
 * Disposal (R44, R46): every recording past its {@code deleteAfter} and under no legal hold is
 * crypto-shredded (its data key destroyed), then its bytes are deleted, then a disposal receipt is
 * written as an audit event. Each step is recorded before the next, so a run that dies midway is
 * finished by the next one: a recording whose key is gone is always carried through to its receipt,
 * and the receipt is written exactly once, under the row's lock. Work goes in batches of {@code
 * insyn.recording.disposal.batch-size}, whatever is due, so memory stays bounded.
 *
 * <p>Races with legal holds are settled by row locks: the job claims recordings with {@code FOR
 * UPDATE SKIP LOCKED} and a hold locks the recordings it covers before it is committed, so a
 * recording is either held before the job looks at it, or already shredded when the hold sees it.
 */
@ApplicationScoped
public class DisposalJob {

  private static final Logger LOG = Logger.getLogger(DisposalJob.class);

  /** What one run did. */
  public record Run(int disposed, int resumed) {}

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final DisposalRepository disposals;
  private final ContentKeyRepository keys;
  private final BlobStore blobs;
  private final AuditOutbox audit;
  private final RecordingConfig config;

  DisposalJob(
      DisposalRepository disposals,
      ContentKeyRepository keys,
      BlobStore blobs,
      AuditOutbox audit,
      RecordingConfig config) {
    this.disposals = disposals;
    this.keys = keys;
    this.blobs = blobs;
    this.audit = audit;
    this.config = config;
  }

  @Scheduled(
      identity = "recording-disposal",
      every = "${insyn.recording.disposal.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Run run = run();
    if (run.disposed() > 0 || run.resumed() > 0) {
      LOG.infof(
          "disposal: %d disposed, %d resumed after an interruption", run.disposed(), run.resumed());
    }
  }

  /** One full run: first finish what an earlier run left, then everything due now. */
  public Run run() {
    int resumed = 0;
    List<UUID> batch;
    while (!(batch = QuarkusTransaction.requiringNew().call(this::claimInterrupted)).isEmpty()) {
      resumed += finish(batch);
    }
    Instant now = Instant.now();
    int disposed = 0;
    while (!(batch = QuarkusTransaction.requiringNew().call(() -> shredDue(now))).isEmpty()) {
      disposed += finish(batch);
    }
    return new Run(disposed, resumed);
  }

  /**
   * Step 1 for a batch of due, unheld recordings: destroy their data keys and note it. Public so
   * that a test can stop a run right after it, as a crash would.
   */
  public List<UUID> shredDue(Instant now) {
    List<UUID> ids = disposals.claimDue(now, config.disposal().batchSize());
    if (ids.isEmpty()) {
      return ids;
    }
    keys.destroy(ids);
    disposals.markKeyDestroyed(ids);
    return ids;
  }

  private List<UUID> claimInterrupted() {
    return disposals.claimKeyDestroyed(config.disposal().batchSize());
  }

  /** Steps 2 and 3: delete the bytes, then write each receipt once. */
  private int finish(List<UUID> ids) {
    List<UUID> deleted = new ArrayList<>(ids.size());
    for (UUID id : ids) {
      try {
        blobs.delete("recordings/" + id);
        deleted.add(id);
      } catch (IOException | RuntimeException e) {
        // The key is already gone, so the bytes are unreadable; the next run deletes them.
        LOG.warnf("disposal: could not delete the bytes of %s yet: %s", id, e.toString());
      }
    }
    if (deleted.isEmpty()) {
      return 0;
    }
    return QuarkusTransaction.requiringNew().call(() -> receipts(deleted));
  }

  private int receipts(List<UUID> ids) {
    List<DisposalRepository.Due> due = disposals.lockForReceipts(ids);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID[] disposed = new UUID[due.size()];
    String[] receipts = new String[due.size()];
    for (int i = 0; i < due.size(); i++) {
      DisposalRepository.Due row = due.get(i);
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("body", row.decisionBody());
      decision.put("registryNumber", row.decisionRegistryNumber());
      decision.put("date", row.decisionDate() == null ? null : row.decisionDate().toString());
      decision.put("documentType", row.decisionDocumentType());
      decision.put("retention", row.retention());
      Map<String, Object> receipt = new LinkedHashMap<>();
      receipt.put("recordingId", row.id().toString());
      receipt.put("contentHash", row.contentHash());
      receipt.put("disposalDecision", decision);
      receipt.put("policyId", row.policyId().toString());
      receipt.put("policyVersion", row.policyVersion());
      receipt.put("deleteAfter", row.deleteAfter() == null ? null : row.deleteAfter().toString());
      receipt.put("disposedAt", now.toString());
      receipt.put("executor", "system");
      UUID eventId =
          audit.record(
              EventType.RECORDING_DISPOSED,
              "recording/" + row.id(),
              AuditEvent.Actor.SYSTEM,
              row.purpose(),
              row.legalBasis(),
              receipt);
      receipt.put("receiptId", eventId.toString());
      disposed[i] = row.id();
      receipts[i] = json(receipt);
    }
    disposals.markDisposed(disposed, receipts, now);
    return due.size();
  }

  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
