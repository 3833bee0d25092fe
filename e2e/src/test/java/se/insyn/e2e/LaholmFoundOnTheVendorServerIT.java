package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.KeycloakServer;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Laholm, found on the vendor's server: calls the phone system recorded by its own default, found
 * 55 days later, are registered, quarantined (only incident handlers reach them, nothing disposes
 * of them by itself), and an incident opens with its 72-hour notification deadline (R30, R48, R64).
 * The DPO then decides to dispose of one under a recorded decision.
 */
@ExtendWith(SuiteExtension.class)
@DisplayName("Laholm, hittat på leverantörens server: karantän, incident med 72-timmarsfrist")
class LaholmFoundOnTheVendorServerIT {

  @Test
  void recordingsMadeOutsideTheSuiteAreQuarantinedAndAnIncidentOpens(Suite suite) {
    Narration story = Narration.of("Laholm, hittat på leverantörens server");
    KeycloakServer keycloak = suite.keycloak();
    String recording = suite.service(SuiteService.RECORDING).baseUrl();
    InsynClient insyn =
        new InsynClient(
            suite.service(SuiteService.CONSENT).baseUrl(),
            recording,
            suite.service(SuiteService.AUDIT).baseUrl());
    String channel =
        insyn.channel(keycloak.userToken("demo-recording-admin", "demo"), "Medborgarservice");
    Instant foundAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant recordedAt = foundAt.minus(55, ChronoUnit.DAYS);
    String itOperator = keycloak.userToken("demo-it-operator", "demo");
    List<Map<String, Object>> found =
        List.of(
            Map.of(
                "externalId",
                "rec-" + InsynClient.shortId(),
                "channelId",
                channel,
                "recordedAt",
                recordedAt.toString(),
                "durationSeconds",
                184,
                "callerNumber",
                InsynClient.phoneNumber()),
            Map.of(
                "externalId",
                "rec-" + InsynClient.shortId(),
                "channelId",
                channel,
                "recordedAt",
                recordedAt.plusSeconds(3600).toString(),
                "durationSeconds",
                97));
    JsonPath batch =
        given()
            .auth()
            .oauth2(itOperator)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "platform",
                    "vaxel-leverantor",
                    "foundAt",
                    foundAt.toString(),
                    "recordings",
                    found))
            .post(recording + "/api/v1/discovered-recordings")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals(2, batch.getInt("quarantined"), batch.prettify());
    assertEquals(
        foundAt.plus(72, ChronoUnit.HOURS), Instant.parse(batch.getString("notificationDeadline")));
    story.step(
        "IT registrerar 2 inspelningar från växelns egen lagring, gjorda %s: båda i karantän,"
            + " anmälan till IMY senast %s.",
        recordedAt, batch.getString("notificationDeadline"));

    String first = batch.getString("recordings[0].id");
    for (String role : List.of("demo-reviewer", "demo-investigator", "demo-it-operator")) {
      int status =
          given()
              .auth()
              .oauth2(keycloak.userToken(role, "demo"))
              .get(recording + "/api/v1/discovered-recordings/" + first)
              .statusCode();
      assertEquals(403, status, role + " reaches a quarantined recording");
    }
    String handler = keycloak.userToken("demo-incident-handler", "demo");
    given()
        .auth()
        .oauth2(handler)
        .get(recording + "/api/v1/discovered-recordings/" + first)
        .then()
        .statusCode(200);
    story.step(
        "Granskare, utredare och IT nekas (403); bara incidenthanteraren når dem i karantänen.");

    String auditor = keycloak.userToken("demo-auditor", "demo");
    JsonPath incident =
        Eventually.within(
            Duration.ofSeconds(90),
            () ->
                given()
                    .auth()
                    .oauth2(auditor)
                    .queryParam("purpose", "INCIDENT_INVESTIGATION")
                    .queryParam("caseRef", "E2E-2026-1")
                    .queryParam("type", "incident.opened")
                    .queryParam("subject", "incident/" + batch.getString("batchId"))
                    .queryParam("from", foundAt.minusSeconds(60).toString())
                    .queryParam("to", Instant.now().plusSeconds(60).toString())
                    .get(insyn.audit + "/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            page -> !page.getList("events").isEmpty());
    assertEquals(
        batch.getString("notificationDeadline"),
        incident.getString("events[0].data.notificationDeadline"));
    story.step(
        "I revisionsloggen: incident.opened, medveten %s, frist %s.",
        incident.getString("events[0].data.awarenessAt"),
        incident.getString("events[0].data.notificationDeadline"));

    given()
        .auth()
        .oauth2(keycloak.userToken("demo-dpo", "demo"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "decision",
                "DISPOSE",
                "decisionRef",
                "KS 2026/140",
                "rationale",
                "Inspelad utan beslut; ingen begäran om allmän handling gäller den."))
        .post(recording + "/api/v1/discovered-recordings/" + first + "/decision")
        .then()
        .statusCode(200);
    int afterwards =
        given()
            .auth()
            .oauth2(handler)
            .contentType(ContentType.JSON)
            .body(Map.of("caseRef", "INC 2026/3"))
            .post(recording + "/api/v1/discovered-recordings/" + first + "/playback")
            .statusCode();
    assertEquals(410, afterwards);
    story.done(
        "Dataskyddsombudet beslutar gallring enligt KS 2026/140; inspelningen är borta (410).");
  }
}
