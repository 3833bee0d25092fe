package se.insyn.recording.vault.disposal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import se.insyn.outbox.AuditEvent;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.store.BlobStore;

/**
 * Disposal (R44, R46): every recording past its {@code deleteAfter} and under no legal hold is
 * crypto-shredded (its data key destroyed), then its bytes are deleted, then a disposal receipt is
 * written as an audit event. Each step is recorded before the next, so a run that dies midway is
 * finished by the next one: a recording whose key is gone is always carried through to its receipt,
 * and the receipt is written exactly once, under the row's lock. Work goes in batches of {@code
 * recording.disposal.batch-size}, whatever is due, so memory stays bounded.
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

  /** Not held: no active hold names it, and no active hold's channel window covers it. */
  static final String NOT_HELD =
      """
       and not exists (select 1 from legal_hold_recording hr join legal_hold h on h.id = hr.hold_id
                       where hr.recording_id = r.id and h.released_at is null)
       and not exists (select 1 from legal_hold h
                       where h.released_at is null and h.channel_id = r.channel_id
                         and coalesce(r.started_at, r.created_at) >= h.window_from
                         and coalesce(r.started_at, r.created_at) < h.window_to)
      """;

  private final EntityManager em;
  private final ContentKeyRepository keys;
  private final BlobStore blobs;
  private final AuditOutbox audit;
  private final RecordingConfig config;

  DisposalJob(
      EntityManager em,
      ContentKeyRepository keys,
      BlobStore blobs,
      AuditOutbox audit,
      RecordingConfig config) {
    this.em = em;
    this.keys = keys;
    this.blobs = blobs;
    this.audit = audit;
    this.config = config;
  }

  @Scheduled(
      identity = "recording-disposal",
      every = "${recording.disposal.every}",
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
  @SuppressWarnings("unchecked")
  public List<UUID> shredDue(Instant now) {
    List<UUID> ids =
        em.createNativeQuery(
                """
                select r.id from recording r
                 where r.delete_after <= :now
                   and r.disposal_stage is null
                   and r.content_state is distinct from 'UPLOADING'
                """
                    + NOT_HELD
                    + " order by r.delete_after limit :limit for update of r skip locked",
                UUID.class)
            .setParameter("now", Timestamp.from(now))
            .setParameter("limit", config.disposal().batchSize())
            .getResultList();
    if (ids.isEmpty()) {
      return ids;
    }
    keys.destroy(ids);
    em.createNativeQuery("update recording set disposal_stage = 'KEY_DESTROYED' where id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    return ids;
  }

  @SuppressWarnings("unchecked")
  private List<UUID> claimInterrupted() {
    return em.createNativeQuery(
            """
            select r.id from recording r where r.disposal_stage = 'KEY_DESTROYED'
             order by r.delete_after limit :limit for update of r skip locked
            """,
            UUID.class)
        .setParameter("limit", config.disposal().batchSize())
        .getResultList();
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

  @SuppressWarnings("unchecked")
  private int receipts(List<UUID> ids) {
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select r.id, r.content_hash, r.delete_after, r.channel_id, p.disposal_body,
                       p.disposal_registry_number, p.disposal_date, p.disposal_document_type,
                       p.retention, p.purpose, p.legal_basis, r.policy_id, r.policy_version
                  from recording r join policy_version p on p.id = r.policy_version_id
                 where r.id in (:ids) and r.disposal_stage = 'KEY_DESTROYED'
                 for update of r skip locked
                """)
            .setParameter("ids", ids)
            .getResultList();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    UUID[] disposed = new UUID[rows.size()];
    String[] receipts = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = rows.get(i);
      UUID id = (UUID) row[0];
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("body", row[4]);
      decision.put("registryNumber", row[5]);
      decision.put("date", row[6] == null ? null : row[6].toString());
      decision.put("documentType", row[7]);
      decision.put("retention", row[8]);
      Map<String, Object> receipt = new LinkedHashMap<>();
      receipt.put("recordingId", id.toString());
      receipt.put("contentHash", row[1]);
      receipt.put("disposalDecision", decision);
      receipt.put("policyId", row[11].toString());
      receipt.put("policyVersion", row[12]);
      receipt.put("deleteAfter", instant(row[2]));
      receipt.put("disposedAt", now.toString());
      receipt.put("executor", "system");
      UUID eventId =
          audit.record(
              "recording.disposed",
              "recording/" + id,
              AuditEvent.Actor.SYSTEM,
              (String) row[9],
              (String) row[10],
              receipt);
      receipt.put("receiptId", eventId.toString());
      disposed[i] = id;
      receipts[i] = json(receipt);
    }
    // One statement for the whole batch; the receipts' outbox rows go out in JDBC batches at flush.
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      """
                      update recording r
                         set disposal_stage = 'DISPOSED', disposed_at = ?,
                             disposal_receipt = cast(d.receipt as jsonb), content_state = null
                        from unnest(?::uuid[], ?::text[]) as d(id, receipt)
                       where r.id = d.id
                      """)) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setArray(2, connection.createArrayOf("uuid", disposed));
                update.setArray(3, connection.createArrayOf("text", receipts));
                update.executeUpdate();
              }
            });
    em.flush();
    em.clear();
    return rows.size();
  }

  private static String instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant().toString();
    }
    return value.toString();
  }

  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
