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
import java.util.Optional;
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
   * unless it states an allowed purpose and a case reference (R39).
   *
   * @param resource what is read, e.g. {@code audit/events/<id>}
   * @return the stated purpose
   */
  public QueryPurpose requirePurpose(
      Caller caller,
      String resource,
      String requestedPurpose,
      String caseRef,
      Map<String, Object> details) {
    QueryPurpose purpose =
        refuseInvalid(caller, resource, requestedPurpose, caseRef, details, new ArrayList<>());
    record(caller, resource, purpose, requestedPurpose, caseRef, false, details);
    return purpose;
  }

  /**
   * Adds the violations of the purpose and the case reference to those of the read's other
   * parameters; when there are any, records the read as refused and throws the 400 naming each. An
   * answered read is recorded by the caller once it knows it may answer.
   *
   * @return the stated purpose, which is an allowed one
   */
  public QueryPurpose refuseInvalid(
      Caller caller,
      String resource,
      String requestedPurpose,
      String caseRef,
      Map<String, Object> details,
      List<Problem.Violation> violations) {
    Optional<QueryPurpose> purpose = EventQueryService.checkPurpose(requestedPurpose, violations);
    EventQueryService.checkCaseRef(caseRef, violations);
    if (!violations.isEmpty()) {
      record(caller, resource, purpose.orElse(null), requestedPurpose, caseRef, true, details);
      throw ProblemException.badRequest(
          "The read has "
              + violations.size()
              + " invalid parameter(s); every read of the audit trail states a purpose and a case"
              + " reference (R39). It was refused and the refusal recorded.",
          violations);
    }
    return purpose.orElseThrow();
  }

  /**
   * @param resource what was read, e.g. {@code audit/events}
   * @param purpose the stated purpose when it is an allowed one, else null (the raw value is in
   *     {@code data.requestedPurpose})
   * @param caseRef the case reference as given, or null
   * @return the leaf index of the recorded event
   */
  public long record(
      Caller caller,
      String resource,
      QueryPurpose purpose,
      String requestedPurpose,
      String caseRef,
      boolean refused,
      Map<String, Object> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("outcome", refused ? "refused" : "answered");
    if (requestedPurpose != null) {
      data.put("requestedPurpose", requestedPurpose);
    }
    if (caseRef != null) {
      data.put("caseRef", caseRef);
    }
    data.put("request", details);
    return append(EventType.AUDIT_QUERIED, caller, resource, purpose, data);
  }

  /**
   * Refuses a read as source tracing (R39, R41), whatever its stated purpose: records it as a
   * refused {@code audit.queried}, raises a {@code dpo.flagged} naming it, and returns the 403 to
   * throw.
   *
   * @param rule the rule it broke, e.g. {@code PROTECTED_LINE}
   * @param detail what the reader is told, citing the requirement
   */
  public ProblemException refuseAsSourceTracing(
      Caller caller,
      String resource,
      QueryPurpose purpose,
      String caseRef,
      Map<String, Object> details,
      String rule,
      String detail) {
    long queried = record(caller, resource, purpose, purpose.name(), caseRef, true, details);
    Map<String, Object> flag = new LinkedHashMap<>();
    flag.put("reason", "SOURCE_TRACING_REFUSED");
    flag.put("rule", rule);
    flag.put("refusedQuery", queried);
    flag.put("request", details);
    append(EventType.DPO_FLAGGED, caller, "audit/queries/" + queried, purpose, flag);
    return ProblemException.forbidden(
        detail + " The read was refused whatever its purpose, recorded and flagged to the DPO.");
  }

  private long append(
      EventType type,
      Caller caller,
      String resource,
      QueryPurpose purpose,
      Map<String, Object> data) {
    type.check(data);
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
                    type.wireName(),
                    now,
                    actor,
                    resource,
                    purpose == null ? null : purpose.name(),
                    null,
                    tree,
                    currentTraceId())));
  }
}
