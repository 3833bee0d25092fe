package se.insyn.audit.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import se.insyn.audit.event.repository.StoredEvent;
import se.insyn.audit.event.repository.StoredEventRepository;

@ApplicationScoped
public class EventQueryService {

  private final StoredEventRepository events;

  EventQueryService(StoredEventRepository events) {
    this.events = events;
  }

  public List<StoredEvent> byType(String type, Instant from, Instant to, int limit) {
    return events.listByType(type, from, to, limit);
  }
}
