package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Laholm, before: a citizen line that nobody decided to record. The switchboard asks for every
 * call; every answer is DENY NO_APPROVED_POLICY (R1, R3), every answer reaches the audit trail
 * through the outbox, and the investigator's report says no recording exists, with a complete log
 * (R60, R61).
 */
@ExtendWith(SuiteExtension.class)
@DisplayName("Laholm, före: en linje utan beslut spelas aldrig in, och loggen bevisar det")
class LaholmBeforeIT {

  private static final Duration DELIVERY = Duration.ofSeconds(90);

  @Test
  void everyCallOnALineWithoutAPolicyIsDeniedAndTheReportSaysNothingWasRecorded(Suite suite) {
    Narration story = Narration.of("Laholm, före");
    Instant from = Instant.now().minusSeconds(1);
    String recording = suite.service(SuiteService.RECORDING).baseUrl();
    String admin = suite.keycloak().userToken("demo-recording-admin", "demo");
    String pbx = suite.keycloak().clientToken("demo-pbx", "demo-pbx-dev-secret");
    String number = "+46430" + (100000 + (System.nanoTime() % 900000));

    String channelId =
        given()
            .auth()
            .oauth2(admin)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "kind",
                    "PHONE_LINE",
                    "address",
                    number,
                    "name",
                    "Medborgarservice",
                    "platform",
                    InsynClient.PBX))
            .post(recording + "/api/v1/channels")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    story.step(
        "Linjen Medborgarservice %s (%s) läggs upp; ingen har beslutat någon policy för den.",
        number, channelId);

    String caller = "+46701234567";
    for (int call = 0; call < 5; call++) {
      given()
          .auth()
          .oauth2(pbx)
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "channelId",
                  channelId,
                  "callId",
                  "laholm-" + UUID.randomUUID(),
                  "direction",
                  "INBOUND",
                  "trigger",
                  "CALL_START",
                  "participants",
                  Map.of("callerNumber", caller)))
          .post(recording + "/api/v1/recordings")
          .then()
          .statusCode(200)
          .body("decision", equalTo("DENY"))
          .body("reasons", hasItem("NO_APPROVED_POLICY"));
    }
    Instant to = Instant.now();
    story.step(
        "Växeln frågar för 5 inkommande samtal om de får spelas in (CALL_START): varje svar är"
            + " DENY NO_APPROVED_POLICY (R1, R3).");

    // Both emitters speak after the window, so the report can tell that nothing is missing.
    given()
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "kind",
                "VOICEMAIL",
                "address",
                "vm-" + UUID.randomUUID(),
                "name",
                "Växeln",
                "platform",
                InsynClient.PBX))
        .post(recording + "/api/v1/channels")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(suite.keycloak().userToken("demo-consent-admin", "demo"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code", "call-recording-caller-" + UUID.randomUUID().toString().substring(0, 8),
                "titleSv", "Inspelning av samtal",
                "titleEn", "Call recording",
                "subjects", List.of("CITIZEN"),
                "choiceModel", "OPT_IN"))
        .post(suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes")
        .then()
        .statusCode(201);

    String audit = suite.service(SuiteService.AUDIT).baseUrl();
    String auditor = suite.keycloak().userToken("demo-auditor", "demo");
    JsonPath decisions =
        Eventually.within(
            DELIVERY,
            () ->
                given()
                    .auth()
                    .oauth2(auditor)
                    .queryParam("purpose", "INCIDENT_INVESTIGATION")
                    .queryParam("caseRef", "E2E-2026-1")
                    .queryParam("type", "recording.decision")
                    .queryParam("subject", "channel/" + channelId)
                    .queryParam("from", from.toString())
                    .queryParam("to", to.toString())
                    .get(audit + "/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            page -> page.getList("events").size() == 5);
    assertFalse(
        decisions.prettify().contains(caller), "the caller's number never reaches the audit trail");
    story.step(
        "I revisionsloggen: %d recording.decision för linjen; uppringarens nummer finns inte där.",
        decisions.getList("events").size());

    String investigator = suite.keycloak().userToken("demo-investigator", "demo");
    JsonPath report =
        Eventually.within(
            DELIVERY,
            () ->
                given()
                    .auth()
                    .oauth2(investigator)
                    .queryParam("channel", channelId)
                    .queryParam("from", from.toString())
                    .queryParam("to", to.toString())
                    .queryParam("purpose", "INCIDENT_INVESTIGATION")
                    .queryParam("caseRef", "E2E-2026-1")
                    .get(audit + "/api/v1/reports/recordings")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            r -> r.getBoolean("completeness.complete"));
    List<Map<String, Object>> recorded =
        report.getList("recordings.findAll { it.decision == 'PERMIT' }");
    assertEquals(List.of(), recorded, "no recording was made on the line");
    assertTrue(
        report.getBoolean("completeness.complete"), report.getString("completeness.statement"));
    story.done(
        "Utredarens rapport för perioden: %d inspelningar på linjen; loggen är komplett: \"%s\"",
        recorded.size(), report.getString("completeness.statement"));
  }
}
