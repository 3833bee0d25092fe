package se.insyn.audit.event.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StoredEventRepository implements PanacheRepositoryBase<StoredEvent, UUID> {

  public List<StoredEvent> listByType(String type, Instant from, Instant to, int limit) {
    return find(
            "type = ?1 and occurredAt >= ?2 and occurredAt < ?3 order by occurredAt, id",
            type,
            from,
            to)
        .page(0, limit)
        .list();
  }
}
