package se.insyn.audit.event.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StoredEventRepository implements PanacheRepositoryBase<StoredEvent, Long> {

  public Optional<StoredEvent> findByEventId(UUID id) {
    return find("id", id).firstResultOptional();
  }

  /**
   * What a query selects: events in [from, to) matching the given filters (null = any), without the
   * events about the excluded subjects other than their registration ({@code channel.created}).
   */
  public record Filter(
      String type,
      String subject,
      String actor,
      String traceId,
      Instant from,
      Instant to,
      Collection<String> excludedSubjects) {}

  /**
   * How much a query selects: its rows, and the distinct lines whose outbound calls they describe
   * (events with {@code data.direction} = {@code OUTBOUND}).
   */
  public record Selection(long rows, long outboundLines) {}

  /** The filter's events in log order after a leaf. */
  public List<StoredEvent> search(Filter filter, long afterLeaf, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("after", afterLeaf);
    String where = where(filter, params, false);
    return find(where + " and leafIndex > :after order by leafIndex", params).page(0, limit).list();
  }

  /** Counts what the filter selects, before anything of it is read (R39). */
  public Selection selection(Filter filter) {
    Map<String, Object> params = new HashMap<>();
    var query =
        getEntityManager()
            .createNativeQuery(
                "select count(*), count(distinct case when type in ('recording.decision',"
                    + " 'recording.content.sealed') and (leaf_input::jsonb #>> '{data,direction}')"
                    + " = 'OUTBOUND' then leaf_input::jsonb #>> '{data,channelId}' end)"
                    + " from audit_event where "
                    + where(filter, params, true));
    params.forEach(query::setParameter);
    Object[] row = (Object[]) query.getSingleResult();
    return new Selection(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  private static String where(Filter f, Map<String, Object> params, boolean sql) {
    StringBuilder where =
        new StringBuilder(
            sql
                ? "occurred_at >= :from and occurred_at < :to"
                : "occurredAt >= :from and occurredAt < :to");
    params.put("from", f.from());
    params.put("to", f.to());
    if (f.type() != null) {
      where.append(" and type = :type");
      params.put("type", f.type());
    }
    if (f.subject() != null) {
      where.append(" and subject = :subject");
      params.put("subject", f.subject());
    }
    if (f.actor() != null) {
      where.append(sql ? " and actor_subject = :actor" : " and actorSubject = :actor");
      params.put("actor", f.actor());
    }
    if (f.traceId() != null) {
      where.append(sql ? " and trace_id = :trace" : " and traceId = :trace");
      params.put("trace", f.traceId());
    }
    if (!f.excludedSubjects().isEmpty()) {
      where.append(" and not (subject in :excluded and type <> 'channel.created')");
      params.put("excluded", f.excludedSubjects());
    }
    return where.toString();
  }

  /**
   * Whether leaves [start, end) hold an event about one of the subjects, other than its
   * registration ({@code channel.created}).
   */
  public boolean anyAbout(Collection<String> subjects, long start, long end) {
    return !subjects.isEmpty()
        && count(
                "subject in ?1 and type <> 'channel.created' and leafIndex >= ?2 and leafIndex < ?3",
                subjects,
                start,
                end)
            > 0;
  }

  /** Up to {@code limit} events of one type after a leaf, in log order. */
  public List<StoredEvent> listByType(String type, long afterLeaf, int limit) {
    return find("type = ?1 and leafIndex > ?2 order by leafIndex", type, afterLeaf)
        .page(0, limit)
        .list();
  }

  /** Every event of the given types, in log order. */
  public List<StoredEvent> listByTypes(Collection<String> types) {
    return list("type in ?1 order by leafIndex", types);
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
