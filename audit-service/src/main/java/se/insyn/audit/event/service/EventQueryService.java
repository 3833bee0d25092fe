package se.insyn.audit.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.event.repository.StoredEvent;
import se.insyn.audit.event.repository.StoredEventRepository;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * Reads of the trail. Each one is first recorded as {@code audit.queried} (refusals too), then
 * checked and answered.
 */
@ApplicationScoped
public class EventQueryService {

  static final int MAX_LIMIT = 1000;

  private static final java.util.regex.Pattern TRACE_ID =
      java.util.regex.Pattern.compile("[0-9a-f]{32}");

  private static final java.util.regex.Pattern CASE_REF =
      java.util.regex.Pattern.compile("\\p{Alnum}[\\p{Alnum} ._:/-]{0,63}");

  private final StoredEventRepository events;
  private final AccessAudit audit;
  private final SourceProtection protection;
  private final AuditConfig config;

  EventQueryService(
      StoredEventRepository events,
      AccessAudit audit,
      SourceProtection protection,
      AuditConfig config) {
    this.events = events;
    this.audit = audit;
    this.protection = protection;
    this.config = config;
  }

  /** A page of events and the cursor of the next one (null on the last page). */
  public record Page(List<StoredEvent> events, String nextCursor) {}

  /** The raw query parameters, checked here so that a refusal can be audited with them. */
  public record Query(
      String purpose,
      String caseRef,
      String type,
      String subject,
      String actor,
      String traceId,
      String from,
      String to,
      String cursor,
      String limit) {

    Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("type", type);
      map.put("subject", subject);
      map.put("actor", actor);
      map.put("traceId", traceId);
      map.put("from", from);
      map.put("to", to);
      map.put("cursor", cursor);
      map.put("limit", limit);
      return map;
    }
  }

  public Page search(Caller caller, Query query) {
    List<Problem.Violation> violations = new ArrayList<>();
    Instant from = instant("from", query.from(), violations);
    Instant to = instant("to", query.to(), violations);
    if (from != null && to != null && !from.isBefore(to)) {
      violations.add(new Problem.Violation("to", "must be after from"));
    }
    if (query.traceId() != null
        && !query.traceId().isBlank()
        && !TRACE_ID.matcher(query.traceId()).matches()) {
      violations.add(new Problem.Violation("traceId", "must be a W3C trace id (32 lowercase hex)"));
    }
    long after = cursor(query.cursor(), violations);
    int limit = limit(query.limit(), violations);
    QueryPurpose purpose =
        audit.refuseInvalid(
            caller, "audit/events", query.purpose(), query.caseRef(), query.asMap(), violations);
    StoredEventRepository.Filter filter =
        new StoredEventRepository.Filter(
            blankToNull(query.type()),
            blankToNull(query.subject()),
            blankToNull(query.actor()),
            blankToNull(query.traceId()),
            from,
            to,
            protection.protectedSubjects());
    refuseSourceTracing(caller, purpose, query, filter);
    audit.record(
        caller, "audit/events", purpose, query.purpose(), query.caseRef(), false, query.asMap());
    return page(filter, after, limit);
  }

  /**
   * R39, R41: refused by what the query selects, not by its label: a protected line, more
   * outbound-call metadata lines than the sweep limit, or more rows than a query may have.
   */
  private void refuseSourceTracing(
      Caller caller, QueryPurpose purpose, Query query, StoredEventRepository.Filter filter) {
    String rule = null;
    String detail = null;
    if (filter.subject() != null && filter.excludedSubjects().contains(filter.subject())) {
      rule = "PROTECTED_LINE";
      detail = "The query names a protected line, and its traffic is not traced (R39, R41).";
    } else {
      StoredEventRepository.Selection selection = events.selection(filter);
      if (selection.outboundLines() > config.query().outboundSweepLimit()) {
        rule = "OUTBOUND_SWEEP";
        detail =
            "The query selects outbound-call metadata of "
                + selection.outboundLines()
                + " lines, more than "
                + config.query().outboundSweepLimit()
                + "; staff outbound calls are not exported in bulk (R39).";
      } else if (selection.rows() > config.query().maxRows()) {
        rule = "TOO_MANY_ROWS";
        detail =
            "The query selects "
                + selection.rows()
                + " events, more than "
                + config.query().maxRows()
                + "; narrow it (R39).";
      }
    }
    if (rule != null) {
      throw audit.refuseAsSourceTracing(
          caller, "audit/events", purpose, query.caseRef(), query.asMap(), rule, detail);
    }
  }

  private Page page(StoredEventRepository.Filter filter, long after, int limit) {
    List<StoredEvent> found = events.search(filter, after, limit + 1);
    if (found.size() <= limit) {
      return new Page(found, null);
    }
    List<StoredEvent> page = found.subList(0, limit);
    return new Page(page, encodeCursor(page.get(limit - 1).leafIndex));
  }

  /**
   * One event by id, for someone who holds it and wants its proof. The read is recorded first (in
   * its own transaction), so refusals and misses are on record too.
   */
  public StoredEvent byId(Caller caller, UUID id, String purpose, String caseRef) {
    String resource = "audit/events/" + id;
    Map<String, Object> request = Map.of("id", id.toString());
    QueryPurpose stated =
        audit.refuseInvalid(caller, resource, purpose, caseRef, request, new ArrayList<>());
    Optional<StoredEvent> event = events.findByEventId(id);
    if (event.isPresent()
        && !event.get().type.equals(EventType.CHANNEL_CREATED.wireName())
        && protection.protectedSubjects().contains(event.get().subject)) {
      throw audit.refuseAsSourceTracing(
          caller,
          resource,
          stated,
          caseRef,
          request,
          "PROTECTED_LINE",
          "The event is about a protected line, and its traffic is not traced (R39, R41).");
    }
    audit.record(caller, resource, stated, purpose, caseRef, false, request);
    return event.orElseThrow(
        () -> ProblemException.notFound("No event with id " + id + " is in the log."));
  }

  /** Checks a purpose parameter, adding a violation for {@code purpose} when it is not allowed. */
  public static Optional<QueryPurpose> checkPurpose(
      String value, List<Problem.Violation> violations) {
    Optional<QueryPurpose> purpose = QueryPurpose.parse(value);
    if (purpose.isEmpty()) {
      violations.add(
          new Problem.Violation(
              "purpose",
              "must be one of " + java.util.Arrays.toString(QueryPurpose.values()) + " (R39)"));
    }
    return purpose;
  }

  /**
   * Checks a case reference, adding a violation for {@code caseRef} when it is missing or not a
   * reference: every read of the trail names the case it serves (R39).
   */
  public static void checkCaseRef(String value, List<Problem.Violation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(
          new Problem.Violation(
              "caseRef", "is required: every read of the audit trail names its case (R39)"));
    } else if (!CASE_REF.matcher(value).matches()) {
      violations.add(
          new Problem.Violation(
              "caseRef",
              "must be 1 to 64 letters, digits, spaces or . _ : / -, starting with a letter or"
                  + " digit (R39)"));
    }
  }

  public static Instant instant(String field, String value, List<Problem.Violation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new Problem.Violation(field, "must not be blank"));
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      violations.add(new Problem.Violation(field, "must be an ISO-8601 UTC time"));
      return null;
    }
  }

  private static long cursor(String value, List<Problem.Violation> violations) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(
          new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      violations.add(new Problem.Violation("cursor", "is not a cursor this service issued"));
      return -1;
    }
  }

  private static String encodeCursor(long leafIndex) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Long.toString(leafIndex).getBytes(StandardCharsets.US_ASCII));
  }

  private static int limit(String value, List<Problem.Violation> violations) {
    if (value == null || value.isBlank()) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below like an out-of-range number
    }
    violations.add(new Problem.Violation("limit", "must be a number from 1 to " + MAX_LIMIT));
    return 0;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
