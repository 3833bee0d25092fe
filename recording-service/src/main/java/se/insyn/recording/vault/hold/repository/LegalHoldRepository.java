package se.insyn.recording.vault.hold.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LegalHoldRepository implements PanacheRepositoryBase<LegalHold, UUID> {

  /** A recording a hold would cover, locked until the hold's transaction ends. */
  public record Covered(UUID id, boolean disposed) {}

  public List<LegalHold> listNewestFirst() {
    return list("order by placedAt desc");
  }

  /** Locks the named recordings (in id order, so that two holds never deadlock). */
  @SuppressWarnings("unchecked")
  public List<Covered> lockRecordings(Collection<UUID> ids) {
    List<Object[]> rows =
        em().createNativeQuery(
                "select id, disposal_stage from recording where id in (:ids) order by id for update")
            .setParameter("ids", ids)
            .getResultList();
    return rows.stream().map(r -> new Covered((UUID) r[0], r[1] != null)).toList();
  }

  /** Locks the recordings of a channel inside a window. */
  @SuppressWarnings("unchecked")
  public List<Covered> lockRecordings(UUID channelId, Instant from, Instant to) {
    List<Object[]> rows =
        em().createNativeQuery(
                """
                select id, disposal_stage from recording
                 where channel_id = :channel
                   and coalesce(started_at, created_at) >= :from
                   and coalesce(started_at, created_at) < :to
                 order by id for update
                """)
            .setParameter("channel", channelId)
            .setParameter("from", java.sql.Timestamp.from(from))
            .setParameter("to", java.sql.Timestamp.from(to))
            .getResultList();
    return rows.stream().map(r -> new Covered((UUID) r[0], r[1] != null)).toList();
  }

  /** The active holds that keep a recording from disposal. */
  @SuppressWarnings("unchecked")
  public List<UUID> activeHoldsOn(UUID recordingId) {
    return em().createNativeQuery(
            """
            select h.id from legal_hold h
             where h.released_at is null
               and (exists (select 1 from legal_hold_recording hr
                             where hr.hold_id = h.id and hr.recording_id = :id)
                    or exists (select 1 from recording r
                                where r.id = :id and r.channel_id = h.channel_id
                                  and coalesce(r.started_at, r.created_at) >= h.window_from
                                  and coalesce(r.started_at, r.created_at) < h.window_to))
            """,
            UUID.class)
        .setParameter("id", recordingId)
        .getResultList();
  }

  private EntityManager em() {
    return getEntityManager();
  }
}
