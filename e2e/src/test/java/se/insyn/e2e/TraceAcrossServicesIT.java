package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One call followed through all three services: the recording decision, the consent decision it
 * asked for and their audit events share one trace id, and the audit trail finds them by it.
 */
@ExtendWith(FaultSuite.Extension.class)
@DisplayName("Spårbarhet: ett samtal följs genom alla tre tjänster med sitt trace-id")
class TraceAcrossServicesIT {

  @Test
  void aDecisionsAuditEventsShareOneTraceIdAcrossServices(FaultSuite f) {
    Narration story = Narration.of("one call followed across services");
    InsynClient api = f.api;
    String purpose =
        api.purposeWithNotice(
            f.user("consent-admin-4", "consent-admin"),
            "call-recording-caller",
            "CITIZEN",
            "OPT_IN");
    String channel = api.channel(f.user("rec-admin-4", "recording-admin"), "Kundtjänst");
    api.approvedPolicy(
        f.user("rec-admin-4", "recording-admin"),
        f.user("approver-4", "policy-approver"),
        InsynClient.threatPolicy(channel, purpose, "PT24H"));
    String pbx = f.pbx();
    String caller = InsynClient.phoneNumber();
    assertEquals(201, api.callerConsents(pbx, purpose, caller).statusCode());
    String recordingId =
        Eventually.within(
                Duration.ofSeconds(30),
                () -> api.mayIRecord(pbx, channel, caller, "ON_DEMAND").jsonPath(),
                answer -> "PERMIT".equals(answer.getString("decision")))
            .getString("id");
    story.step("the phone system asked and got PERMIT for recording %s", recordingId);

    String investigator = f.user("inv-4", "investigator");
    JsonPath decision =
        Eventually.within(
            Duration.ofMinutes(1),
            () -> events(f, investigator, "subject", "recording/" + recordingId),
            page -> !page.getList("events").isEmpty());
    String traceId = decision.getString("events[0].traceId");
    assertTrue(traceId != null && traceId.matches("[0-9a-f]{32}"), decision.prettify());
    story.step("its recording.decision event carries trace id %s", traceId);

    JsonPath sameCall =
        Eventually.within(
            Duration.ofMinutes(1),
            () -> events(f, investigator, "traceId", traceId),
            page -> page.getList("events.type").contains("consent.decision"));
    List<String> seen = sameCall.getList("events.source");
    assertTrue(
        seen.contains("recording-service") && seen.contains("consent-service"), seen.toString());
    story.done(
        "the audit trail finds the call by its trace id in both services: %s",
        sameCall.getList("events.type"));
  }

  private static JsonPath events(FaultSuite f, String token, String filter, String value) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("purpose", "INCIDENT_INVESTIGATION")
        .queryParam("caseRef", "E2E-2026-1")
        .queryParam(filter, value)
        .queryParam("from", "2000-01-01T00:00:00Z")
        .queryParam("to", "2100-01-01T00:00:00Z")
        .get(f.api.audit + "/api/v1/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
