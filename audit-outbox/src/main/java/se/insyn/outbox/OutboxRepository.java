package se.insyn.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

  public Optional<OutboxEvent> findByEventId(UUID id) {
    return find("id", id).firstResultOptional();
  }

  /** Events about one subject, oldest first: what tests and investigations of the emitter read. */
  public List<OutboxEvent> listBySubject(String subject) {
    return list("subject = ?1 order by position", subject);
  }
}
