package se.insyn.audit.event.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.insyn.audit.event.repository.StoredEvent;
import se.insyn.audit.event.repository.StoredEventRepository;
import se.insyn.events.EventType;

/**
 * Which lines are protected (R38, R41): the audit-service knows a line only from its {@code
 * channel.created} event, whose {@code protectedClass} is {@code WHISTLEBLOWING}, {@code
 * SAFETY_REP}, ... or the text {@code null}. A read that names one of them is source tracing
 * whatever its purpose (R39).
 */
@ApplicationScoped
public class SourceProtection {

  private static final String CHANNEL = "channel/";

  private final StoredEventRepository events;
  private final ObjectMapper json;

  SourceProtection(StoredEventRepository events, ObjectMapper json) {
    this.events = events;
    this.json = json;
  }

  /** The ids of the protected channels the log knows. */
  public Set<String> protectedChannels() {
    Set<String> ids = new TreeSet<>();
    for (StoredEvent e : events.listByTypes(List.of(EventType.CHANNEL_CREATED.wireName()))) {
      String protectedClass = data(e).path("protectedClass").asText("null");
      if (!protectedClass.equals("null") && e.subject.startsWith(CHANNEL)) {
        ids.add(e.subject.substring(CHANNEL.length()));
      }
    }
    return ids;
  }

  /** The subjects ({@code channel/<id>}) of the protected channels. */
  public Set<String> protectedSubjects() {
    Set<String> subjects = new TreeSet<>();
    protectedChannels().forEach(id -> subjects.add(CHANNEL + id));
    return subjects;
  }

  private JsonNode data(StoredEvent e) {
    try {
      return json.readTree(e.leafInput).path("data");
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Stored leaf input is not JSON at " + e.leafIndex, ex);
    }
  }
}
