package se.insyn.audit.event.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StoredEventRepository implements PanacheRepositoryBase<StoredEvent, Long> {

  public Optional<StoredEvent> findByEventId(UUID id) {
    return find("id", id).firstResultOptional();
  }

  /** Events in [from, to) matching the given filters (null = any), in log order after a leaf. */
  public List<StoredEvent> search(
      String type,
      String subject,
      String actor,
      String traceId,
      Instant from,
      Instant to,
      long afterLeaf,
      int limit) {
    StringBuilder query =
        new StringBuilder("occurredAt >= :from and occurredAt < :to and leafIndex > :after");
    Parameters params = Parameters.with("from", from).and("to", to).and("after", afterLeaf);
    if (type != null) {
      query.append(" and type = :type");
      params.and("type", type);
    }
    if (subject != null) {
      query.append(" and subject = :subject");
      params.and("subject", subject);
    }
    if (actor != null) {
      query.append(" and actorSubject = :actor");
      params.and("actor", actor);
    }
    if (traceId != null) {
      query.append(" and traceId = :trace");
      params.and("trace", traceId);
    }
    query.append(" order by leafIndex");
    return find(query.toString(), params).page(0, limit).list();
  }

  /** Events of the given types in [from, to), in log order. */
  public List<StoredEvent> listByTypes(Collection<String> types, Instant from, Instant to) {
    return list(
        "type in ?1 and occurredAt >= ?2 and occurredAt < ?3 order by leafIndex", types, from, to);
  }

  /** Every event about the given subjects, in log order. */
  public List<StoredEvent> listBySubjects(Collection<String> subjects) {
    return list("subject in ?1 order by leafIndex", subjects);
  }

  /** Per source: the number of sequenced events, the lowest and the highest sequence number. */
  public List<Object[]> sequenceSummary() {
    return getEntityManager()
        .createQuery(
            "select e.source, count(e.sequence), min(e.sequence), max(e.sequence), max(e.occurredAt)"
                + " from StoredEvent e where e.sequence is not null group by e.source",
            Object[].class)
        .getResultList();
  }
}
