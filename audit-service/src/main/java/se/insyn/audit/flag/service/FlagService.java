package se.insyn.audit.flag.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.insyn.audit.event.repository.StoredEvent;
import se.insyn.audit.event.repository.StoredEventRepository;
import se.insyn.audit.event.service.AccessAudit;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;

/**
 * What the DPO is told (R38, R39): every {@code dpo.flagged} in the log, from the recording-service
 * (a protected line in a policy's scope) and from this service (a read refused as source tracing).
 * Listing them is a read of the trail like any other, so it is recorded too.
 */
@ApplicationScoped
public class FlagService {

  /** The most flags one page lists. */
  public static final int PAGE = 200;

  private final StoredEventRepository events;
  private final AccessAudit audit;
  private final ObjectMapper json;

  FlagService(StoredEventRepository events, AccessAudit audit, ObjectMapper json) {
    this.events = events;
    this.audit = audit;
    this.json = json;
  }

  /** One flag: where it is in the log, when, who raised it about whom, and its data. */
  public record Flag(
      long leafIndex,
      Instant time,
      String source,
      String actor,
      String subject,
      String reason,
      JsonNode data) {}

  /** The flags after a leaf index, oldest first, at most {@link #PAGE}. */
  public List<Flag> list(Caller caller, long after, String purpose, String caseRef) {
    audit.requirePurpose(caller, "audit/flags", purpose, caseRef, Map.of("after", after));
    return events.listByType(EventType.DPO_FLAGGED.wireName(), after, PAGE).stream()
        .map(this::flag)
        .toList();
  }

  private Flag flag(StoredEvent e) {
    JsonNode data;
    try {
      data = json.readTree(e.leafInput).path("data");
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Stored leaf input is not JSON at " + e.leafIndex, ex);
    }
    return new Flag(
        e.leafIndex,
        e.occurredAt,
        e.source,
        e.actorSubject,
        e.subject,
        data.path("reason").asText(),
        data);
  }
}
