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
import se.insyn.audit.event.repository.StoredEvent;
import se.insyn.audit.event.repository.StoredEventRepository;
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

  private final StoredEventRepository events;
  private final AccessAudit audit;

  EventQueryService(StoredEventRepository events, AccessAudit audit) {
    this.events = events;
    this.audit = audit;
  }

  /** A page of events and the cursor of the next one (null on the last page). */
  public record Page(List<StoredEvent> events, String nextCursor) {}

  /** The raw query parameters, checked here so that a refusal can be audited with them. */
  public record Query(
      String purpose,
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
    Optional<QueryPurpose> purpose = checkPurpose(query.purpose(), violations);
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
    boolean refused = !violations.isEmpty();
    audit.record(
        caller, "audit/events", purpose.orElse(null), query.purpose(), refused, query.asMap());
    if (refused) {
      throw ProblemException.badRequest(
          "The query has "
              + violations.size()
              + " invalid parameter(s); it was refused and the"
              + " refusal recorded.",
          violations);
    }
    return page(query, from, to, after, limit);
  }

  private Page page(Query query, Instant from, Instant to, long after, int limit) {
    List<StoredEvent> found =
        events.search(
            blankToNull(query.type()),
            blankToNull(query.subject()),
            blankToNull(query.actor()),
            blankToNull(query.traceId()),
            from,
            to,
            after,
            limit + 1);
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
  public StoredEvent byId(Caller caller, UUID id, String purpose) {
    audit.requirePurpose(caller, "audit/events/" + id, purpose, Map.of("id", id.toString()));
    return events
        .findByEventId(id)
        .orElseThrow(() -> ProblemException.notFound("No event with id " + id + " is in the log."));
  }

  /** Checks a purpose parameter, adding a violation for {@code purpose} when it is not allowed. */
  public static Optional<QueryPurpose> checkPurpose(
      String value, List<Problem.Violation> violations) {
    Optional<QueryPurpose> purpose = QueryPurpose.parse(value);
    if (purpose.isEmpty()) {
      violations.add(
          new Problem.Violation(
              "purpose", "must be one of " + java.util.Arrays.toString(QueryPurpose.values())));
    }
    return purpose;
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
