package se.insyn.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

  /** Any constant: the advisory lock that makes one relay at a time hand out sequence numbers. */
  private static final long NUMBERING_LOCK = 0x1A5_0B0AL;

  /** What is waiting for delivery. */
  public record Backlog(long depth, Optional<Instant> oldest) {}

  public Optional<OutboxEvent> findByEventId(UUID id) {
    return find("id", id).firstResultOptional();
  }

  /** Events about one subject, oldest first: what tests and investigations of the emitter read. */
  public List<OutboxEvent> listBySubject(String subject) {
    return list("subject = ?1 order by position", subject);
  }

  /**
   * Gives the next committed, unnumbered events consecutive per-source sequence numbers. Must run
   * in a transaction; when another relay holds the numbering lock it does nothing and returns 0.
   */
  public int numberNext(int limit) {
    Object locked =
        getEntityManager()
            .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
            .setParameter(1, NUMBERING_LOCK)
            .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    int numbered =
        getEntityManager()
            .createNativeQuery(
                """
                update outbox_event o
                   set source_sequence = s.last_assigned + n.rank
                  from (select position, row_number() over (order by position) as rank
                          from outbox_event
                         where source_sequence is null
                         order by position
                         limit ?1) n,
                       outbox_sequence s
                 where o.position = n.position
                """)
            .setParameter(1, limit)
            .executeUpdate();
    if (numbered > 0) {
      getEntityManager()
          .createNativeQuery("update outbox_sequence set last_assigned = last_assigned + ?1")
          .setParameter(1, numbered)
          .executeUpdate();
    }
    return numbered;
  }

  /** Numbered, undelivered events in sequence order. */
  public List<OutboxEvent> nextToDeliver(int limit) {
    return find("sourceSequence is not null and deliveredAt is null order by sourceSequence")
        .page(0, limit)
        .list();
  }

  public void markDelivered(List<Long> positions, Instant when) {
    update("deliveredAt = ?1 where position in ?2", when, positions);
  }

  /** Deletes delivered events delivered before {@code before}; never an undelivered one. */
  public long pruneDelivered(Instant before) {
    return delete("deliveredAt is not null and deliveredAt < ?1", before);
  }

  public Backlog backlog() {
    Object[] row =
        (Object[])
            getEntityManager()
                .createNativeQuery(
                    "select count(*), min(occurred_at) from outbox_event where delivered_at is null")
                .getSingleResult();
    long depth = ((Number) row[0]).longValue();
    return new Backlog(depth, Optional.ofNullable(row[1]).map(OutboxRepository::toInstant));
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    return OffsetDateTime.parse(value.toString()).withOffsetSameInstant(ZoneOffset.UTC).toInstant();
  }
}
