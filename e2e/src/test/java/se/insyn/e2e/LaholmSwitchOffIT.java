package se.insyn.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Laholm, the switch-off: the kill switch stops a recording in progress in the same transaction,
 * every decision on the line is then DENY KILL_SWITCH, and releasing it needs a second person
 * (R29).
 */
@ExtendWith(SuiteExtension.class)
@DisplayName("Laholm, nödstoppet: pågående inspelning stoppas, nya nekas, frisläppning kräver två")
class LaholmSwitchOffIT {

  private static final Duration DELIVERY = Duration.ofSeconds(90);

  @Test
  void theKillSwitchStopsTheRecordingDeniesNewOnesAndNeedsASecondPersonToRelease(Suite suite) {
    Narration story = Narration.of("Laholm, nödstoppet");
    InsynClient insyn =
        new InsynClient(
            suite.service(SuiteService.CONSENT).baseUrl(),
            suite.service(SuiteService.RECORDING).baseUrl(),
            suite.service(SuiteService.AUDIT).baseUrl());
    var keycloak = suite.keycloak();
    String admin = keycloak.userToken("demo-recording-admin", "demo");
    String approver = keycloak.userToken("demo-policy-approver", "demo");
    String dpo = keycloak.userToken("demo-dpo", "demo");
    String pbx = keycloak.clientToken("demo-pbx", "demo-pbx-dev-secret");
    Instant from = Instant.now().minusSeconds(1);

    String channel = insyn.channel(admin, "Växeln, hot och våld");
    insyn.approvedPolicy(admin, approver, InsynClient.threatPolicy(channel, null, "P30D"));
    Response permitted = insyn.mayIRecord(pbx, channel, InsynClient.phoneNumber(), "ON_DEMAND");
    permitted.then().statusCode(201).body("decision", equalTo("PERMIT"));
    String recording = permitted.path("id");
    insyn.recordingCall(pbx, recording, "started").then().statusCode(200);
    story.step(
        "En godkänd policy; ett samtal spelas in på linjen %s (inspelning %s).",
        channel, recording);

    Response engaged =
        insyn.engageKillSwitch(
            admin, "Inspelning utan beslut misstänks på linjen", List.of(channel));
    engaged.then().statusCode(201).body("engagedAt", org.hamcrest.Matchers.notNullValue());
    String engagement = engaged.path("id");
    story.step("demo-recording-admin drar i nödstoppet för linjen (%s).", engagement);

    Map<String, Object> stopped =
        insyn.recordingsOn(admin, channel).stream()
            .filter(r -> recording.equals(r.get("id")))
            .findFirst()
            .orElseThrow();
    assertEquals("STOPPED", stopped.get("state"), stopped.toString());
    assertNotNull(stopped.get("stoppedAt"), stopped.toString());
    insyn.recordingCall(pbx, recording, "stop").then().statusCode(409);
    story.step(
        "Den pågående inspelningen är redan stoppad (%s, %s).",
        stopped.get("state"), stopped.get("stoppedAt"));

    insyn
        .mayIRecord(pbx, channel, InsynClient.phoneNumber(), "ON_DEMAND")
        .then()
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", hasItem("KILL_SWITCH"));
    story.step("Nästa samtal som ber om inspelning: DENY KILL_SWITCH.");

    insyn
        .releaseKillSwitch(admin, engagement, "Jag har kollat själv")
        .then()
        .statusCode(403)
        .contentType(containsString("application/problem+json"));
    story.step("Samma person försöker släppa nödstoppet: 403.");
    insyn
        .mayIRecord(pbx, channel, InsynClient.phoneNumber(), "ON_DEMAND")
        .then()
        .statusCode(200)
        .body("reasons", hasItem("KILL_SWITCH"));

    insyn
        .releaseKillSwitch(dpo, engagement, "Konfigurationen granskad, incident 2026-17 stängd")
        .then()
        .statusCode(200)
        .body("releasedAt", org.hamcrest.Matchers.notNullValue());
    story.step("Dataskyddsombudet, en andra person, släpper nödstoppet: 200.");
    insyn
        .mayIRecord(pbx, channel, InsynClient.phoneNumber(), "ON_DEMAND")
        .then()
        .statusCode(201)
        .body("decision", equalTo("PERMIT"));
    story.step("Därefter gäller policyn igen: PERMIT.");

    String auditor = keycloak.userToken("demo-auditor", "demo");
    List<Map<String, Object>> stops =
        Eventually.within(
            DELIVERY,
            () ->
                insyn
                    .events(
                        auditor,
                        "INTERNAL_CONTROL",
                        "recording.stopped",
                        "recording/" + recording,
                        from,
                        Instant.now().plusSeconds(60))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<Map<String, Object>>getList("events"),
            e -> !e.isEmpty());
    assertEquals("KILL_SWITCH", ((Map<?, ?>) stops.get(0).get("data")).get("reason"));
    story.done("I revisionsloggen: recording.stopped med skälet KILL_SWITCH.");
  }
}
