package se.insyn.audit.event.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import se.insyn.audit.log.merkle.Jcs;
import se.insyn.audit.log.repository.LeafRow;

/**
 * The leaf input of an event: the RFC 8785 canonical JSON of its fields, absent ones omitted. The
 * time is cut to microseconds (what PostgreSQL keeps) and written as ISO-8601 UTC.
 */
public final class CanonicalEvent {

  private CanonicalEvent() {}

  /**
   * @param field the event's place in the request, e.g. {@code events[3]}
   * @throws Jcs.NotCanonicalisableException when {@code data} holds a value JCS cannot carry
   */
  public static LeafRow of(String field, EventInput event) {
    Instant time = event.time().truncatedTo(ChronoUnit.MICROS);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", event.id().toString());
    json.put("source", event.source());
    if (event.sequence() != null) {
      json.put("sequence", event.sequence());
    }
    json.put("type", event.type());
    json.put("time", time.toString());
    ObjectNode actor = json.putObject("actor");
    actor.put("subject", event.actor().subject());
    if (event.actor().clientId() != null) {
      actor.put("clientId", event.actor().clientId());
    }
    json.put("subject", event.subject());
    if (event.purpose() != null) {
      json.put("purpose", event.purpose());
    }
    if (event.legalBasis() != null) {
      json.put("legalBasis", event.legalBasis());
    }
    if (event.data() != null) {
      json.set("data", event.data());
    }
    if (event.traceId() != null) {
      json.put("traceId", event.traceId());
    }
    return new LeafRow(
        field,
        event.id(),
        event.source(),
        event.sequence(),
        event.type(),
        time,
        event.actor().subject(),
        event.subject(),
        event.purpose(),
        event.traceId(),
        Jcs.write(json));
  }
}
