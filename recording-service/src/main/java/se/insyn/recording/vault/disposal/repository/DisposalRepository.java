package se.insyn.recording.vault.disposal.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The disposal job's rows (R44, R46): which recordings are due and under no legal hold, which a run
 * left half done, what their receipts say, and the step each has reached.
 */
@ApplicationScoped
public class DisposalRepository {

  /** Not held: no active hold names it, and no active hold's channel window covers it. */
  private static final String NOT_HELD =
      """
       and not exists (select 1 from legal_hold_recording hr join legal_hold h on h.id = hr.hold_id
                       where hr.recording_id = r.id and h.released_at is null)
       and not exists (select 1 from legal_hold h
                       where h.released_at is null and h.channel_id = r.channel_id
                         and coalesce(r.started_at, r.created_at) >= h.window_from
                         and coalesce(r.started_at, r.created_at) < h.window_to)
      """;

  /** What a disposal receipt says about one recording and the decision it was disposed under. */
  public record Due(
      UUID id,
      String contentHash,
      Instant deleteAfter,
      UUID policyId,
      int policyVersion,
      String purpose,
      String legalBasis,
      String decisionBody,
      String decisionRegistryNumber,
      LocalDate decisionDate,
      String decisionDocumentType,
      String retention) {}

  private final EntityManager em;

  DisposalRepository(EntityManager em) {
    this.em = em;
  }

  /** Recordings past their {@code deleteAfter}, not uploading and under no hold; locked. */
  @SuppressWarnings("unchecked")
  public List<UUID> claimDue(Instant now, int limit) {
    return em.createNativeQuery(
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
        .setParameter("limit", limit)
        .getResultList();
  }

  public void markKeyDestroyed(List<UUID> ids) {
    em.createNativeQuery("update recording set disposal_stage = 'KEY_DESTROYED' where id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  /** Recordings whose key an earlier run destroyed without finishing; locked. */
  @SuppressWarnings("unchecked")
  public List<UUID> claimKeyDestroyed(int limit) {
    return em.createNativeQuery(
            """
            select r.id from recording r where r.disposal_stage = 'KEY_DESTROYED'
             order by r.delete_after limit :limit for update of r skip locked
            """,
            UUID.class)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** What the receipts of the still KEY_DESTROYED ones among {@code ids} say; locked. */
  @SuppressWarnings("unchecked")
  public List<Due> lockForReceipts(List<UUID> ids) {
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
    return rows.stream()
        .map(
            row ->
                new Due(
                    (UUID) row[0],
                    (String) row[1],
                    instant(row[2]),
                    (UUID) row[11],
                    ((Number) row[12]).intValue(),
                    (String) row[9],
                    (String) row[10],
                    (String) row[4],
                    (String) row[5],
                    localDate(row[6]),
                    (String) row[7],
                    (String) row[8]))
        .toList();
  }

  /**
   * Marks the recordings DISPOSED with their receipts (JSON), in one statement for the whole batch;
   * then flushes, so the receipts' outbox rows go out in JDBC batches, and clears.
   */
  public void markDisposed(UUID[] ids, String[] receipts, Instant now) {
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
                update.setArray(2, connection.createArrayOf("uuid", ids));
                update.setArray(3, connection.createArrayOf("text", receipts));
                update.executeUpdate();
              }
            });
    em.flush();
    em.clear();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return value instanceof Instant i ? i : Instant.parse(value.toString());
  }

  private static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
  }
}
