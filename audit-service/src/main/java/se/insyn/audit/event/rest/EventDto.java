package se.insyn.audit.event.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.audit.event.repository.StoredEvent;

/** An event of the trail as the query API shows it. */
public record EventDto(
    UUID id, String source, Long sequence, String type, Instant time, String subject) {

  static EventDto of(StoredEvent e) {
    return new EventDto(e.id, e.source, e.sequence, e.type, e.occurredAt, e.subject);
  }
}
