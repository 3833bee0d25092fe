package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.SuiteService;

/**
 * Audit delivery loses nothing (R58–R60): the audit-service is stopped while 1 000 consent and
 * recording operations run; when it is back every event arrives exactly once, each emitter's
 * sequence numbers are continuous, and the log verifies.
 */
@ExtendWith(FaultSuite.Extension.class)
@DisplayName("Fel: audit-service nere medan 1 000 åtgärder görs — inget går förlorat")
class AuditOutageIT {

  private static final int PAIRS = 500;

  @Test
  void everyEventArrivesExactlyOnceAfterTheAuditServiceIsBack(FaultSuite f) throws Exception {
    Narration story = Narration.of("audit-service stopped while 1 000 operations run");
    InsynClient api = f.api;
    String purpose =
        api.purposeWithNotice(
            f.user("consent-admin-1", "consent-admin"),
            "call-recording-caller",
            "CITIZEN",
            "OPT_IN");
    String channel = api.channel(f.user("rec-admin-1", "recording-admin"), "Socialtjänsten");
    // The policy asks nobody, so every decision is PERMIT without a call to the consent-service
    // and each operation yields exactly one event of its own.
    api.approvedPolicy(
        f.user("rec-admin-1", "recording-admin"),
        f.user("approver-1", "policy-approver"),
        InsynClient.threatPolicy(channel, null, "PT24H"));
    // The phone system records callers' choices only for a purpose its lines use (issue 21).
    api.pbxLineAsking(
        f.user("rec-admin-1", "recording-admin"), f.user("approver-1", "policy-approver"), purpose);
    story.step("set up purpose %s and an approved policy on channel %s", purpose, channel);

    f.suite.service(SuiteService.AUDIT).close();
    story.step("audit-service stopped");

    String pbx = f.pbx();
    Set<String> consentIds = ConcurrentHashMap.newKeySet();
    Set<String> recordingIds = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      work.add(
          pool.submit(
              () -> {
                String caller = InsynClient.phoneNumber();
                Response given = api.callerConsents(pbx, purpose, caller);
                assertEquals(201, given.statusCode(), given.asString());
                consentIds.add(given.path("id"));
                Response decision = api.mayIRecord(pbx, channel, caller, "ON_DEMAND");
                assertEquals(201, decision.statusCode(), decision.asString());
                assertEquals("PERMIT", decision.path("decision"), decision.asString());
                recordingIds.add(decision.path("id"));
              }));
    }
    for (Future<?> w : work) {
      w.get();
    }
    pool.shutdown();
    story.step(
        "%d consents given and %d recordings permitted while the audit-service was down",
        consentIds.size(), recordingIds.size());
    story.step(
        "undelivered audit events waiting in the outboxes: consent-service %s, recording-service %s",
        metric(f.url(SuiteService.CONSENT), "insyn_outbox_depth"),
        metric(f.url(SuiteService.RECORDING), "insyn_outbox_depth"));

    f.suite.service(SuiteService.AUDIT).start();
    story.step("audit-service started again");

    String auditor = f.user("auditor-1", "auditor");
    List<Map<String, Object>> log =
        Eventually.within(
            Duration.ofMinutes(2),
            () -> api.allEvents(auditor),
            events ->
                count(events, "consent.given", consentIds) == PAIRS
                    && count(events, "recording.decision", recordingIds) == PAIRS);
    story.step(
        "all %d events of the operations are in the log (%d entries in all)",
        2 * PAIRS, log.size());

    assertEquals(
        PAIRS, count(log, "consent.given", consentIds), "each consent is logged exactly once");
    assertEquals(
        PAIRS,
        count(log, "recording.decision", recordingIds),
        "each recording decision is logged exactly once");
    Set<Object> ids = log.stream().map(e -> e.get("id")).collect(Collectors.toSet());
    assertEquals(log.size(), ids.size(), "no event id appears twice");

    Map<String, List<Long>> sequences = new TreeMap<>();
    for (Map<String, Object> e : log) {
      if (e.get("sequence") != null) {
        sequences
            .computeIfAbsent((String) e.get("source"), s -> new ArrayList<>())
            .add(((Number) e.get("sequence")).longValue());
      }
    }
    for (String source : List.of("consent-service", "recording-service")) {
      List<Long> seq = sequences.getOrDefault(source, List.of());
      Collections.sort(seq);
      assertTrue(!seq.isEmpty(), source + " was heard from");
      assertEquals(1L, seq.get(0), source + " numbers from 1");
      assertEquals(
          (long) seq.size(),
          seq.get(seq.size() - 1),
          source + " sequence 1.." + seq.get(seq.size() - 1) + " has no gap or repeat");
      story.step("%s: sequence numbers 1..%d, continuous", source, seq.size());
    }

    var report = api.verifyLog(auditor);
    assertTrue(report.getBoolean("consistent"), report.prettify());
    story.done(
        "log verified: %d leaves, %d signed checkpoints confirmed, no finding",
        report.getLong("treeSize"), report.getInt("checkpointsVerified"));
  }

  private static long count(List<Map<String, Object>> events, String type, Set<String> ids) {
    return events.stream()
        .filter(e -> type.equals(e.get("type")))
        .map(
            e ->
                ((String) e.get("subject")).substring(((String) e.get("subject")).indexOf('/') + 1))
        .filter(ids::contains)
        .count();
  }

  /** A gauge's value from the service's Prometheus endpoint. */
  static String metric(String baseUrl, String name) {
    return given()
        .get(baseUrl + "/q/metrics")
        .asString()
        .lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .findFirst()
        .orElse("?");
  }
}
