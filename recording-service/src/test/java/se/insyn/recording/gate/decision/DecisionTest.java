package se.insyn.recording.gate.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.Fixtures.channelWithConsentPolicy;
import static se.insyn.recording.Fixtures.decide;
import static se.insyn.recording.Fixtures.decisionRequest;
import static se.insyn.recording.Fixtures.part;
import static se.insyn.recording.Fixtures.recorderToken;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.ConsentServiceStub;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;

@QuarkusTest
class DecisionTest {

  @Inject RecordingRepository recordings;

  @Test
  void withoutTokenOrAsAnAdminNoDecision() {
    Map<String, Object> request = decisionRequest(UUID.randomUUID(), "c-" + UUID.randomUUID());
    given()
        .contentType(ContentType.JSON)
        .body(request)
        .post("/api/v1/recordings")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(request)
        .post("/api/v1/recordings")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void noPolicyIsADenyWithTheAuditEventInTheOutbox() {
    UUID channel = Fixtures.channel();
    String call = "c-" + UUID.randomUUID();
    decide(decisionRequest(channel, call))
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", equalTo(List.of("NO_APPROVED_POLICY")))
        .body("id", nullValue());
    OutboxEvent event = last("channel/" + channel);
    assertEquals("recording.decision", event.type);
    assertTrue(event.payload.contains("NO_APPROVED_POLICY"), event.payload);
    assertTrue(event.payload.contains(call), event.payload);
  }

  @Test
  void anUnknownChannelIsDeniedToo() {
    decide(decisionRequest(UUID.randomUUID(), "c-" + UUID.randomUUID()))
        .statusCode(200)
        .body("reasons", equalTo(List.of("NO_APPROVED_POLICY")));
  }

  @Test
  void anActivePolicyWithConsentPermitsAndAsksTheNamedParties() {
    UUID channel = channelWithConsentPolicy();
    String call = "c-" + UUID.randomUUID();
    String id =
        decide(decisionRequest(channel, call))
            .statusCode(201)
            .header("Location", containsString("/api/v1/recordings/"))
            .body("decision", equalTo("PERMIT"))
            .body("policyVersion", equalTo(1))
            .body("policyId", notNullValue())
            .body("noticeVersion", equalTo("threat-notice-v3"))
            .body("announcement.sv", equalTo("Samtalet spelas in."))
            .body("deleteAfter", notNullValue())
            .body("reasons", nullValue())
            .extract()
            .path("id");

    // The consent-service was asked for both parties, with the service's own token.
    given()
        .get(System.getProperty(ConsentServiceStub.PROPERTY) + "/received/" + call)
        .then()
        .statusCode(200)
        .body("purpose", equalTo("call-recording-threats"))
        .body("subjects.type", equalTo(List.of("phone", "employee")))
        .body("subjects.value", equalTo(List.of("+46701234567", "emp-4711")));

    OutboxEvent event = last("recording/" + id);
    assertEquals("recording.decision", event.type);
    assertEquals("cd-" + call, Fixtures.data(event).path("consentDecisionId").asText());
    assertEquals(1, Fixtures.data(event).path("policyVersion").asInt());
    // R33: the number is only kept pseudonymised.
    assertFalse(event.payload.contains("+46701234567"), event.payload);
    Recording stored =
        QuarkusTransaction.requiringNew().call(() -> recordings.findById(UUID.fromString(id)));
    assertNotNull(stored.callerHmac);
    assertFalse(stored.callerHmac.contains("46701234567"));
    assertEquals(Recording.State.PERMITTED, stored.state);
    // P90D from now.
    Instant expected = Instant.now().plus(90, ChronoUnit.DAYS);
    assertTrue(Math.abs(ChronoUnit.HOURS.between(stored.deleteAfter, expected)) < 2);
  }

  @Test
  void aPolicyWithoutConsentPermitsWithoutAskingAnyone() {
    UUID channel = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(channel));
    String call = "c-" + UUID.randomUUID();
    decide(decisionRequest(channel, call)).statusCode(201).body("decision", equalTo("PERMIT"));
    given()
        .get(System.getProperty(ConsentServiceStub.PROPERTY) + "/received/" + call)
        .then()
        .statusCode(404);
  }

  @Test
  void aRefusalAtTheConsentServiceIsConsentDenied() {
    UUID channel = channelWithConsentPolicy();
    String call = "deny-" + UUID.randomUUID();
    decide(decisionRequest(channel, call))
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", equalTo(List.of("CONSENT_DENIED")));
    OutboxEvent event = last("channel/" + channel);
    assertEquals("cd-" + call, Fixtures.data(event).path("consentDecisionId").asText());
    assertEquals(1, Fixtures.data(event).path("policyVersion").asInt());
  }

  @Test
  void aWithheldNumberCannotConsent() {
    UUID channel = channelWithConsentPolicy();
    Map<String, Object> request = decisionRequest(channel, "c-" + UUID.randomUUID());
    part(request, "participants").remove("callerNumber");
    decide(request).statusCode(200).body("reasons", equalTo(List.of("CONSENT_DENIED")));
  }

  @Test
  void aSlowConsentServiceIsDecisionUnavailable() {
    UUID channel = channelWithConsentPolicy();
    decide(decisionRequest(channel, "hang-" + UUID.randomUUID()))
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", equalTo(List.of("DECISION_UNAVAILABLE")));
    assertTrue(last("channel/" + channel).payload.contains("DECISION_UNAVAILABLE"));
  }

  @Test
  void aFailingConsentServiceIsDecisionUnavailable() {
    UUID channel = channelWithConsentPolicy();
    decide(decisionRequest(channel, "error-" + UUID.randomUUID()))
        .statusCode(200)
        .body("reasons", equalTo(List.of("DECISION_UNAVAILABLE")));
  }

  @Test
  void aProtectedLineIsNeverRecorded() {
    UUID channel = Fixtures.channel("EDITORIAL", null);
    decide(decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(200)
        .body("reasons", hasItem("PROTECTED_LINE"));
  }

  @Test
  void outsideDirectionOrModeIsOutsideScope() {
    UUID channel = Fixtures.channel();
    Map<String, Object> draft = Fixtures.validDraft(channel);
    part(draft, "scope").put("direction", "OUTBOUND");
    Fixtures.activePolicy(draft);
    decide(decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(200)
        .body("reasons", equalTo(List.of("OUTSIDE_SCOPE")));

    // ON_DEMAND policies do not record from the start of every call.
    UUID onDemand = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(onDemand));
    Map<String, Object> request = decisionRequest(onDemand, "c-" + UUID.randomUUID());
    request.put("trigger", "CALL_START");
    decide(request).statusCode(200).body("reasons", equalTo(List.of("OUTSIDE_SCOPE")));
  }

  @Test
  void aSuspendedPolicyNoLongerPermits() {
    UUID channel = Fixtures.channel();
    UUID policy = Fixtures.activePolicy(Fixtures.validDraft(channel));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Review"))
        .post("/api/v1/policies/" + policy + "/suspend")
        .then()
        .statusCode(200);
    decide(decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(200)
        .body("reasons", equalTo(List.of("NO_APPROVED_POLICY")));
  }

  @Test
  void badInputIsAProblem() {
    Map<String, Object> request = decisionRequest(Fixtures.channel(), "c-" + UUID.randomUUID());
    part(request, "participants").put("callerNumber", "0701234567");
    decide(request)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem(containsString("callerNumber")));
    Map<String, Object> noChannel = decisionRequest(UUID.randomUUID(), "c-1");
    noChannel.remove("channelId");
    decide(noChannel).statusCode(400).contentType("application/problem+json");
  }

  @Test
  void theRecordingStartsOnlyAfterTheNoticeAndStops() {
    UUID channel = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(channel));
    String id =
        decide(decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(403);
    given().post("/api/v1/recordings/" + id + "/started").then().statusCode(401);
    given()
        .auth()
        .oauth2(recorderToken())
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(200)
        .body("state", equalTo("RECORDING"))
        .body("startedAt", notNullValue());
    given()
        .auth()
        .oauth2(recorderToken())
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(409);
    given()
        .auth()
        .oauth2(recorderToken())
        .post("/api/v1/recordings/" + id + "/stop")
        .then()
        .statusCode(200)
        .body("state", equalTo("STOPPED"))
        .body("stopReason", equalTo("ENDED"));
    given()
        .auth()
        .oauth2(recorderToken())
        .post("/api/v1/recordings/" + id + "/stop")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertEquals(
        List.of("recording.decision", "recording.started", "recording.stopped"),
        Fixtures.eventTypes("recording/" + id));
    given()
        .auth()
        .oauth2(recorderToken())
        .post("/api/v1/recordings/" + UUID.randomUUID() + "/stop")
        .then()
        .statusCode(404);
  }

  @Test
  void aTransferOutOfScopeStopsTheRecording() {
    UUID first = Fixtures.channel();
    UUID second = Fixtures.channel();
    UUID outside = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(first, second));
    String id =
        decide(decisionRequest(first, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(recorderToken())
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", second))
        .post("/api/v1/recordings/" + id + "/transfer")
        .then()
        .statusCode(200)
        .body("state", equalTo("PERMITTED"))
        // The recording stays on the line it was made on; the transfer is a segment (issue 20).
        .body("channelId", equalTo(first.toString()));
    given()
        .auth()
        .oauth2(recorderToken())
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", outside))
        .post("/api/v1/recordings/" + id + "/transfer")
        .then()
        .statusCode(200)
        .body("state", equalTo("STOPPED"))
        .body("stopReason", equalTo("TRANSFER_OUT_OF_SCOPE"));
    assertEquals(
        List.of(
            "recording.decision",
            "recording.transferred",
            "recording.transferred",
            "recording.stopped"),
        Fixtures.eventTypes("recording/" + id));
    given()
        .auth()
        .oauth2(recorderToken())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/recordings/" + id + "/transfer")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(Tokens.user("dpo-1", "dpo"))
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", outside))
        .post("/api/v1/recordings/" + id + "/transfer")
        .then()
        .statusCode(403);
  }

  private static OutboxEvent last(String subject) {
    List<OutboxEvent> events = Fixtures.events(subject);
    assertFalse(events.isEmpty(), "no event for " + subject);
    return events.get(events.size() - 1);
  }
}
