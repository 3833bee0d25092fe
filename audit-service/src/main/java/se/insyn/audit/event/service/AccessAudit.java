package se.insyn.audit.event.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.insyn.audit.log.service.LogService;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * Appends {@link EventType#AUDIT_QUERIED} for every read of the trail, answered or refused (R39,
 * R62). It is written in its own transaction before the answer, so a refusal is on record too.
 */
@ApplicationScoped
public class AccessAudit {

  private final LogService log;
  private final ObjectMapper json;
  private final String source;

  AccessAudit(
      LogService log,
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.application.name") String source) {
    this.log = log;
    this.json = json;
    this.source = source;
  }

  private static String currentTraceId() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  /**
   * Records a read that reveals event content and refuses it (400, after recording the refusal)
   * unless it states an allowed purpose.
   *
   * @param resource what is read, e.g. {@code audit/events/<id>}
   * @return the stated purpose
   */
  public QueryPurpose requirePurpose(
      Caller caller, String resource, String requestedPurpose, Map<String, Object> details) {
    List<Problem.Violation> violations = new ArrayList<>();
    QueryPurpose purpose =
        EventQueryService.checkPurpose(requestedPurpose, violations).orElse(null);
    record(caller, resource, purpose, requestedPurpose, purpose == null, details);
    if (purpose == null) {
      throw ProblemException.badRequest(
          "Reading the audit trail needs a stated purpose; the read was refused and the refusal"
              + " recorded.",
          violations);
    }
    return purpose;
  }

  /**
   * @param resource what was read, e.g. {@code audit/events}
   * @param purpose the stated purpose when it is an allowed one, else null (the raw value is in
   *     {@code data.requestedPurpose})
   * @return the leaf index of the recorded event
   */
  public long record(
      Caller caller,
      String resource,
      QueryPurpose purpose,
      String requestedPurpose,
      boolean refused,
      Map<String, Object> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("outcome", refused ? "refused" : "answered");
    if (requestedPurpose != null) {
      data.put("requestedPurpose", requestedPurpose);
    }
    data.put("request", details);
    EventType.AUDIT_QUERIED.check(data);
    ObjectNode tree = json.valueToTree(data);
    EventInput.Actor actor = new EventInput.Actor(caller.subject(), caller.client());
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    return log.appendOwn(
        source,
        sequence ->
            CanonicalEvent.of(
                "event",
                new EventInput(
                    id,
                    source,
                    sequence,
                    EventType.AUDIT_QUERIED.wireName(),
                    now,
                    actor,
                    resource,
                    purpose == null ? null : purpose.name(),
                    null,
                    tree,
                    currentTraceId())));
  }
}
