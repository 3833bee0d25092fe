package se.insyn.audit.event.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import se.insyn.audit.log.merkle.Jcs;
import se.insyn.audit.log.repository.LeafRow;

/**
 * The leaf input of an event: the RFC 8785 canonical JSON of its fields, absent ones omitted. The
 * time is cut to microseconds (what PostgreSQL keeps) and written as ISO-8601 UTC. The fixed
 * members are written directly in canonical order (ingest writes every event through here); only
 * {@code data} goes through the general {@link Jcs} writer. {@code CanonicalEventTest} checks the
 * result against {@link Jcs} over the whole event.
 */
public final class CanonicalEvent {

  private CanonicalEvent() {}

  /**
   * @param field the event's place in the request, e.g. {@code events[3]}
   * @throws Jcs.NotCanonicalisableException when {@code data} holds a value JCS cannot carry
   */
  public static LeafRow of(String field, EventInput event) {
    Instant time = event.time().truncatedTo(ChronoUnit.MICROS);
    // The members in RFC 8785 order (UTF-16 code units of their names), absent ones left out.
    StringBuilder out = new StringBuilder(256);
    out.append("{\"actor\":{");
    if (event.actor().clientId() != null) {
      member(out, "clientId", "actor.clientId", event.actor().clientId());
      out.append(',');
    }
    member(out, "subject", "actor.subject", event.actor().subject());
    out.append('}');
    if (event.data() != null) {
      out.append(",\"data\":");
      Jcs.write(event.data(), "data", out);
    }
    out.append(',');
    member(out, "id", event.id().toString());
    optional(out, "legalBasis", event.legalBasis());
    optional(out, "purpose", event.purpose());
    if (event.sequence() != null) {
      out.append(",\"sequence\":");
      Jcs.integer(event.sequence(), "sequence", out);
    }
    out.append(',');
    member(out, "source", event.source());
    out.append(',');
    member(out, "subject", event.subject());
    out.append(',');
    member(out, "time", time.toString());
    optional(out, "traceId", event.traceId());
    out.append(',');
    member(out, "type", event.type());
    out.append('}');
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
        out.toString());
  }

  private static void member(StringBuilder out, String name, String value) {
    member(out, name, name, value);
  }

  private static void member(StringBuilder out, String name, String path, String value) {
    out.append('"').append(name).append("\":");
    Jcs.string(value, path, out);
  }

  private static void optional(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(',');
      member(out, name, value);
    }
  }
}
