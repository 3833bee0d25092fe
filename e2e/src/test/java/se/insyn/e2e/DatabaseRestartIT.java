package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL restarted under load: the services reconnect by themselves (no service restart), a
 * write that failed during the restart is answered 503 (retry; never a false success), and every
 * write that was acknowledged is still there afterwards and reaches the audit trail.
 */
@ExtendWith(FaultSuite.Extension.class)
@DisplayName("Fel: PostgreSQL startas om under last — inget kvitterat går förlorat")
class DatabaseRestartIT {

  private static final int WRITERS = 4;

  @Test
  void acknowledgedWritesSurviveARestartAndTheServicesRecoverByThemselves(FaultSuite f)
      throws Exception {
    Narration story = Narration.of("PostgreSQL restarted under load");
    InsynClient api = f.api;
    String purpose =
        api.purposeWithNotice(
            f.user("consent-admin-3", "consent-admin"),
            "call-recording-caller",
            "CITIZEN",
            "OPT_IN");
    // The phone system records callers' choices only for a purpose its lines use (issue 21).
    api.pbxLineAsking(
        f.user("rec-admin-3", "recording-admin"), f.user("approver-3", "policy-approver"), purpose);
    String pbx = f.pbx();

    ConcurrentMap<String, String> acknowledged = new ConcurrentHashMap<>();
    ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger afterRestart = new AtomicInteger();
    AtomicBoolean restarted = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  String phone = InsynClient.phoneNumber();
                  Response r;
                  try {
                    r = api.callerConsents(pbx, purpose, phone);
                  } catch (RuntimeException e) {
                    statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    continue;
                  }
                  statuses
                      .computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
                      .incrementAndGet();
                  if (r.statusCode() == 201) {
                    acknowledged.put(r.path("id"), phone);
                    if (restarted.get()) {
                      afterRestart.incrementAndGet();
                    }
                  } else {
                    assertTrue(
                        r.statusCode() >= 500
                            && r.contentType().startsWith("application/problem+json"),
                        "a failed write is an error in problem+json: "
                            + r.statusCode()
                            + " "
                            + r.asString());
                  }
                }
                return null;
              }));
    }
    Eventually.within(Duration.ofSeconds(60), acknowledged::size, n -> n >= 100);
    story.step("%d writers running; %d consents acknowledged so far", WRITERS, acknowledged.size());

    Instant down = Instant.now();
    f.suite.postgres().restart();
    restarted.set(true);
    story.step(
        "PostgreSQL stopped and started again (%d ms); services not touched",
        Duration.between(down, Instant.now()).toMillis());

    Eventually.within(Duration.ofSeconds(90), afterRestart::get, n -> n >= 100);
    stop.set(true);
    for (Future<?> w : writers) {
      w.get();
    }
    pool.shutdown();
    story.step(
        "writes resumed by themselves: %d acknowledged after the restart; answers by status %s",
        afterRestart.get(), new TreeMap<>(statuses));

    int lost = 0;
    for (Map.Entry<String, String> write : acknowledged.entrySet()) {
      String reason =
          given()
              .auth()
              .oauth2(f.decisionClient())
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "purpose",
                      purpose,
                      "subjects",
                      List.of(Map.of("type", "phone", "value", write.getValue()))))
              .post(api.consent + "/api/v1/decisions")
              .then()
              .statusCode(200)
              .extract()
              .path("subjects[0].reason");
      if (!"CONSENT_GIVEN".equals(reason)) {
        lost++;
      }
    }
    assertEquals(0, lost, "acknowledged consents missing after the restart");
    story.step("all %d acknowledged consents are in force after the restart", acknowledged.size());

    String auditor = f.user("auditor-3", "auditor");
    Set<String> ids = acknowledged.keySet();
    Eventually.within(
        Duration.ofMinutes(2),
        () ->
            api.allEvents(auditor).stream()
                .filter(e -> "consent.given".equals(e.get("type")))
                .map(e -> ((String) e.get("subject")).substring("consent/".length()))
                .filter(ids::contains)
                .count(),
        n -> n == ids.size());
    story.step("and every one of them reached the audit trail");

    api.channel(f.user("rec-admin-3", "recording-admin"), "Växeln");
    story.done("recording-service writes again too; no service was restarted");
  }
}
