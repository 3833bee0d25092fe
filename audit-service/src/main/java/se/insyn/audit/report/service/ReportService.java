package se.insyn.audit.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.event.repository.StoredEvent;
import se.insyn.audit.event.repository.StoredEventRepository;
import se.insyn.audit.event.service.AccessAudit;
import se.insyn.audit.event.service.EventQueryService;
import se.insyn.audit.event.service.QueryPurpose;
import se.insyn.audit.event.service.SourceProtection;
import se.insyn.audit.log.service.LogService;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.problem.Problem;

/**
 * Answers "which calls on these lines were recorded, under which policy, who listened, and were
 * they disposed of" from the log alone, read from the recording-service's event types and their
 * data fields as the event catalogue ({@link EventType}) has them.
 */
@ApplicationScoped
public class ReportService {

  private static final String RESOURCE = "audit/reports/recordings";
  private static final String RECORDING = "recording/";

  /** The events of the configuration history (R61): policy lifecycle, kill switch, lines. */
  private static final List<String> CONFIGURATION =
      Stream.of(
              EventType.CHANNEL_CREATED,
              EventType.POLICY_CREATED,
              EventType.POLICY_SUBMITTED,
              EventType.POLICY_APPROVED,
              EventType.POLICY_REJECTED,
              EventType.POLICY_SUSPENDED,
              EventType.POLICY_RETIRED,
              EventType.KILLSWITCH_ENGAGED,
              EventType.KILLSWITCH_RELEASED)
          .map(EventType::wireName)
          .toList();

  /** Recordings found outside the suite and what became of them (R30, R48). */
  private static final List<String> FOUND_OUTSIDE =
      Stream.of(
              EventType.DISCOVERY_REGISTERED,
              EventType.INCIDENT_OPENED,
              EventType.DISCOVERED_RECORDING_DISPOSED,
              EventType.DISCOVERED_RECORDING_KEPT_AS_EVIDENCE)
          .map(EventType::wireName)
          .toList();

  private final StoredEventRepository events;
  private final AccessAudit audit;
  private final LogService log;
  private final AuditConfig config;
  private final ObjectMapper json;
  private final SourceProtection protection;

  ReportService(
      StoredEventRepository events,
      AccessAudit audit,
      LogService log,
      AuditConfig config,
      ObjectMapper json,
      SourceProtection protection) {
    this.events = events;
    this.audit = audit;
    this.protection = protection;
    this.log = log;
    this.config = config;
    this.json = json;
  }

  /**
   * Records the request as {@code audit.queried}, refuses bad parameters (400) and source tracing
   * (403, flagged to the DPO: a protected line, or more lines than a report may cover), then
   * reports.
   */
  public RecordingsReport recordings(
      Caller caller,
      List<String> channels,
      String from,
      String to,
      String purpose,
      String caseRef) {
    List<Problem.Violation> violations = new ArrayList<>();
    Instant start = EventQueryService.instant("from", from, violations);
    Instant end = EventQueryService.instant("to", to, violations);
    if (start != null && end != null && !start.isBefore(end)) {
      violations.add(new Problem.Violation("to", "must be after from"));
    }
    List<String> wanted = channels.stream().filter(c -> !c.isBlank()).distinct().toList();
    if (wanted.isEmpty()) {
      violations.add(new Problem.Violation("channel", "name at least one channel"));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("channels", wanted);
    request.put("from", from);
    request.put("to", to);
    QueryPurpose stated =
        audit.refuseInvalid(caller, RESOURCE, purpose, caseRef, request, violations);
    List<String> protectedLines =
        wanted.stream().filter(protection.protectedChannels()::contains).toList();
    String refusal =
        !protectedLines.isEmpty()
            ? "The report names protected lines "
                + protectedLines
                + ", which are not traced"
                + " (R39, R41)."
            : wanted.size() > config.query().maxReportLines()
                ? "The report names "
                    + wanted.size()
                    + " lines, more than "
                    + config.query().maxReportLines()
                    + "; a sweep of the lines' calls is not a report (R39)."
                : null;
    if (refusal != null) {
      throw audit.refuseAsSourceTracing(
          caller,
          RESOURCE,
          stated,
          caseRef,
          request,
          protectedLines.isEmpty() ? "TOO_MANY_LINES" : "PROTECTED_LINE",
          refusal);
    }
    audit.record(caller, RESOURCE, stated, purpose, caseRef, false, request);
    return build(wanted, start, end);
  }

  private RecordingsReport build(List<String> channels, Instant from, Instant to) {
    Map<String, JsonNode> decisions = new LinkedHashMap<>();
    Map<String, Instant> decidedAt = new LinkedHashMap<>();
    Map<String, Long> refused = new LinkedHashMap<>();
    channels.forEach(c -> refused.put(c, 0L));
    Set<String> callers = new HashSet<>();
    for (StoredEvent e :
        events.listByTypes(List.of(EventType.RECORDING_DECISION.wireName()), from, to)) {
      JsonNode data = data(e);
      String channel = data.path("channelId").asText();
      if (!channels.contains(channel)) {
        continue;
      }
      if (data.hasNonNull("callerHmac")) {
        callers.add(data.get("callerHmac").asText());
      }
      // A decision about a recording made one; one about the channel refused the call.
      if (e.subject.startsWith(RECORDING)) {
        decisions.put(e.subject, data);
        decidedAt.put(e.subject, e.occurredAt);
      } else {
        refused.merge(channel, 1L, Long::sum);
      }
    }
    List<RecordingsReport.Recording> recordings = new ArrayList<>();
    Verdict completeness = completeness(to);
    if (!decisions.isEmpty()) {
      Map<String, List<StoredEvent>> bySubject = new LinkedHashMap<>();
      for (StoredEvent e : events.listBySubjects(decisions.keySet())) {
        bySubject.computeIfAbsent(e.subject, s -> new ArrayList<>()).add(e);
      }
      decisions.forEach(
          (subject, decision) ->
              recordings.add(
                  recording(
                      subject,
                      decision,
                      decidedAt.get(subject),
                      bySubject.getOrDefault(subject, List.of()),
                      completeness.complete())));
    }
    return new RecordingsReport(
        channels,
        from,
        to,
        Instant.now(),
        log.head().treeSize(),
        recordings,
        refused.entrySet().stream()
            .map(c -> new RecordingsReport.LineCount(c.getKey(), c.getValue()))
            .toList(),
        callers.size(),
        configurationHistory(channels, to),
        events.listByTypes(FOUND_OUTSIDE, from, to).stream().map(this::logged).toList(),
        completeness.report());
  }

  /**
   * Who configured the lines, up to the window's end: the policies that ever covered one of them
   * (from their approvals), the kill switch engagements that reached them with their releases, and
   * the lines' registrations.
   */
  private List<RecordingsReport.LoggedEvent> configurationHistory(
      List<String> channels, Instant to) {
    List<StoredEvent> all =
        events.listByTypes(CONFIGURATION).stream().filter(e -> e.occurredAt.isBefore(to)).toList();
    Set<String> subjects = new HashSet<>();
    channels.forEach(c -> subjects.add("channel/" + c));
    for (StoredEvent e : all) {
      JsonNode data = data(e);
      boolean reaches =
          switch (EventType.find(e.type).orElseThrow()) {
            case POLICY_APPROVED -> names(data.path("channelIds"), channels);
            case KILLSWITCH_ENGAGED ->
                data.path("allChannels").asBoolean(false)
                    || names(data.path("channelIds"), channels);
            default -> false;
          };
      if (reaches) {
        subjects.add(e.subject);
      }
    }
    return all.stream().filter(e -> subjects.contains(e.subject)).map(this::logged).toList();
  }

  private static boolean names(JsonNode ids, List<String> channels) {
    for (JsonNode id : ids) {
      if (channels.contains(id.asText())) {
        return true;
      }
    }
    return false;
  }

  private RecordingsReport.LoggedEvent logged(StoredEvent e) {
    return new RecordingsReport.LoggedEvent(
        e.occurredAt, e.type, e.actorSubject, e.subject, data(e), e.leafIndex);
  }

  private RecordingsReport.Recording recording(
      String subject,
      JsonNode decision,
      Instant decidedAt,
      List<StoredEvent> all,
      boolean complete) {
    Instant started = null;
    Instant stopped = null;
    Instant disposed = null;
    String disposalDecision = null;
    String deleteAfter = null;
    List<RecordingsReport.Access> accesses = new ArrayList<>();
    List<RecordingsReport.Access> refused = new ArrayList<>();
    for (StoredEvent e : all) {
      Optional<EventType> type = EventType.find(e.type);
      if (type.isEmpty()) {
        continue;
      }
      switch (type.get()) {
        case RECORDING_STARTED -> started = started == null ? e.occurredAt : started;
        case RECORDING_STOPPED -> stopped = e.occurredAt;
        case RECORDING_DISPOSED -> {
          disposed = e.occurredAt;
          disposalDecision = decisionReference(data(e).path("disposalDecision"));
          deleteAfter = text(data(e), "deleteAfter");
        }
        // A reviewer listened, or the DPO exported the requester's own copy (R55).
        case RECORDING_PLAYED -> accesses.add(access(e, data(e), "PLAYBACK"));
        case RECORDING_EXPORTED -> accesses.add(access(e, data(e), "EXPORT"));
        // An attempt to listen that was refused (role, purpose, missing second approval).
        case RECORDING_ACCESS_DENIED -> refused.add(access(e, data(e), "PLAYBACK"));
        default -> {
          // other events about the recording (decisions, transfers) are not part of the report
        }
      }
    }
    String statement =
        !accesses.isEmpty()
            ? "ACCESSED"
            : complete ? "NO_ACCESS" : "NO_ACCESS_FOUND_LOG_INCOMPLETE";
    return new RecordingsReport.Recording(
        subject,
        text(decision, "channelId"),
        text(decision, "decision"),
        decision.get("reasons"),
        text(decision, "policyId"),
        text(decision, "policyVersion"),
        decidedAt,
        started,
        stopped,
        disposed,
        disposalDecision,
        deleteAfter,
        accesses,
        refused,
        statement);
  }

  /** The recording-service's access events: {@code reasonCode}, {@code caseRef}, {@code denial}. */
  private RecordingsReport.Access access(StoredEvent e, JsonNode data, String kind) {
    JsonNode leaf = leaf(e);
    return new RecordingsReport.Access(
        e.occurredAt,
        kind,
        e.actorSubject,
        text(leaf.path("actor"), "clientId"),
        kind.equals("EXPORT") ? text(data, "export") : text(data, "reasonCode"),
        text(data, "caseRef"),
        text(data, "denial"),
        e.leafIndex);
  }

  /**
   * The disposal decision a receipt names, as one line: "body registryNumber (date)" from the
   * receipt's {@code disposalDecision} object.
   */
  private static String decisionReference(JsonNode decision) {
    if (decision.isMissingNode() || decision.isNull()) {
      return null;
    }
    if (!decision.isObject()) {
      return decision.asText();
    }
    List<String> parts = new ArrayList<>();
    for (String field : List.of("body", "registryNumber")) {
      if (decision.hasNonNull(field)) {
        parts.add(decision.get(field).asText());
      }
    }
    String line = String.join(" ", parts);
    return decision.hasNonNull("date") ? line + " (" + decision.get("date").asText() + ")" : line;
  }

  private Verdict completeness(Instant windowEnd) {
    Map<String, Object[]> summary = new LinkedHashMap<>();
    for (Object[] row : events.sequenceSummary()) {
      summary.put((String) row[0], row);
    }
    boolean pruned = log.head().prunedBelow() > 0;
    List<RecordingsReport.Emitter> emitters = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String source : config.expectedEmitters()) {
      Object[] row = summary.get(source);
      if (row == null) {
        emitters.add(new RecordingsReport.Emitter(source, false, 0, null, null, 0, null, false));
        problems.add(source + " has never been heard from");
        continue;
      }
      long count = (Long) row[1];
      long first = (Long) row[2];
      long last = (Long) row[3];
      Instant lastAt = (Instant) row[4];
      long missing = (last - first + 1 - count) + (pruned || first <= 1 ? 0 : first - 1);
      boolean after = !lastAt.isBefore(windowEnd);
      emitters.add(
          new RecordingsReport.Emitter(source, true, count, first, last, missing, lastAt, after));
      if (missing > 0) {
        problems.add(source + " has " + missing + " missing sequence number(s)");
      }
      if (!after) {
        problems.add(source + " has not been heard from since the window ended");
      }
    }
    boolean complete = problems.isEmpty();
    String statement =
        complete
            ? "The log is complete for this window: every expected emitter ("
                + String.join(", ", config.expectedEmitters())
                + ") has delivered gap-free sequence numbers and has been heard from after the"
                + " window ended. A recording listed without accesses was not accessed."
            : "The log is NOT proven complete for this window: "
                + String.join("; ", problems)
                + ". That no access is listed does not show that none occurred.";
    return new Verdict(complete, new RecordingsReport.Completeness(complete, statement, emitters));
  }

  private record Verdict(boolean complete, RecordingsReport.Completeness report) {}

  private JsonNode data(StoredEvent e) {
    return leaf(e).path("data");
  }

  private JsonNode leaf(StoredEvent e) {
    try {
      return json.readTree(e.leafInput);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Stored leaf input is not JSON at " + e.leafIndex, ex);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
