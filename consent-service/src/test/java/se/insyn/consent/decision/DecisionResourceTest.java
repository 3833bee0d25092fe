package se.insyn.consent.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.consent.choice.Expiry;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;

@QuarkusTest
class DecisionResourceTest {

  private static String employee() {
    return "officer-" + UUID.randomUUID();
  }

  private static void withdraw(String employee, String consentId) {
    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", consentId)
        .then()
        .statusCode(200);
  }

  @Test
  void aGivenConsentPermitsAndItsWithdrawalFlipsTheNextDecisionToDeny() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String officer = employee();
    String consentId = Fixtures.own(officer, code, 1, "GIVEN");

    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"))
        .body("decisionId", notNullValue())
        .body("subjects[0].decision", equalTo("PERMIT"))
        .body("subjects[0].reason", equalTo("CONSENT_GIVEN"))
        .body("subjects[0].consentId", equalTo(consentId))
        .body("subjects[0].noticeVersion", equalTo(1));

    withdraw(officer, consentId);

    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("WITHDRAWN"))
        .body("subjects[0].consentId", equalTo(consentId));
  }

  @Test
  void withoutAChoiceAnOptInPurposeDenies() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE", "CITIZEN");
    Fixtures.publish(code, false);
    Fixtures.decide(code, null, "employee", employee(), "phone", Fixtures.phoneNumber())
        .body("decision", equalTo("DENY"))
        .body("subjects.reason", contains("NO_CONSENT", "NO_CONSENT"))
        .body("subjects[0]", not(hasKey("consentId")));
  }

  @Test
  void aRefusalDenies() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    String id = Fixtures.forPhone(phone, code, 1, "REFUSED");
    Fixtures.decide(code, null, "phone", phone)
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("REFUSED"))
        .body("subjects[0].consentId", equalTo(id));
  }

  @Test
  void theLatestChoiceCounts() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    Fixtures.forPhone(phone, code, 1, "REFUSED");
    String given = Fixtures.forPhone(phone, code, 1, "GIVEN");
    Fixtures.decide(code, null, "phone", phone)
        .body("decision", equalTo("PERMIT"))
        .body("subjects[0].consentId", equalTo(given));
  }

  @Test
  void anExpiredConsentNoLongerCounts() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String officer = employee();
    String id = Fixtures.own(officer, code, 1, "GIVEN");
    Expiry.expire(id);
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("EXPIRED"));
  }

  @Test
  void aNoticeRequiringReconsentMakesOlderConsentsStale() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String officer = employee();
    Fixtures.own(officer, code, 1, "GIVEN");

    // A minor change keeps version 1 consents counting.
    Fixtures.publish(code, false);
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"));

    Fixtures.publish(code, true);
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("STALE_NOTICE"))
        .body("subjects[0].noticeVersion", equalTo(1));

    String renewed = Fixtures.own(officer, code, 3, "GIVEN");
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"))
        .body("subjects[0].consentId", equalTo(renewed))
        .body("subjects[0].noticeVersion", equalTo(3));
  }

  @Test
  void anOptOutPurposePermitsUnlessThePersonObjected() {
    String code = Fixtures.purpose("OPT_OUT", "EMPLOYEE");
    Fixtures.publish(code, false);
    String officer = employee();
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"))
        .body("subjects[0].reason", equalTo("NOT_OBJECTED"));

    String objection = Fixtures.own(officer, code, 1, "REFUSED");
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("OBJECTED"))
        .body("subjects[0].consentId", equalTo(objection));

    withdraw(officer, objection);
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"));
  }

  @Test
  void aPurposeWithoutANoticeDeniesEvenWhenOptOut() {
    String code = Fixtures.purpose("OPT_OUT", "EMPLOYEE");
    Fixtures.decide(code, null, "employee", employee())
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("NO_CONSENT"));
  }

  @Test
  void anUnknownPurposeDeniesEveryone() {
    Fixtures.decide("no-such-purpose", null, "employee", employee(), "phone", "+46701234567")
        .body("decision", equalTo("DENY"))
        .body("subjects.reason", contains("UNKNOWN_PURPOSE", "UNKNOWN_PURPOSE"));
  }

  @Test
  void oneSubjectsDenialDeniesTheWholeAndAnswersKeepTheOrderAsked() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE", "CITIZEN");
    Fixtures.publish(code, false);
    String officer = employee();
    String phone = Fixtures.phoneNumber();
    Fixtures.own(officer, code, 1, "GIVEN");
    Fixtures.forPhone(phone, code, 1, "REFUSED");
    Fixtures.decide(code, null, "phone", phone, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects.decision", contains("DENY", "PERMIT"))
        .body("subjects.reason", contains("REFUSED", "CONSENT_GIVEN"));
  }

  @Test
  void aSessionChoiceCountsForThatSessionOnly() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String officer = employee();
    given()
        .auth()
        .oauth2(Tokens.user(officer, "employee"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose", code,
                "noticeVersion", 1,
                "choice", "GIVEN",
                "scope", "SESSION",
                "sessionId", "meeting-1"))
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(201)
        .body("scope", equalTo("SESSION"));
    Fixtures.decide(code, "meeting-1", "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"));
    Fixtures.decide(code, "meeting-2", "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("NO_CONSENT"));
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"));
  }

  @Test
  void aSubjectThePurposeDoesNotConcernIsDenied() {
    String code = Fixtures.purpose("OPT_OUT", "CITIZEN");
    Fixtures.publish(code, false);
    Fixtures.decide(code, null, "employee", employee())
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("NO_CONSENT"));
  }

  @Test
  void everyDecisionIsAnAuditEventWithPseudonymsOnly() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    String consentId = Fixtures.forPhone(phone, code, 1, "GIVEN");
    String decisionId =
        Fixtures.decide(code, "call-9", "phone", phone).extract().path("decisionId");

    List<OutboxEvent> events = Fixtures.events("decision/" + decisionId);
    assertEquals(1, events.size());
    JsonPath event = Fixtures.payload(events.get(0));
    assertEquals("consent.decision", event.getString("type"));
    assertEquals("recording-service", event.getString("actor.clientId"));
    assertEquals("PERMIT", event.getString("data.decision"));
    assertEquals("call-9", event.getString("data.sessionId"));
    assertEquals(consentId, event.getString("data.subjects[0].consentId"));
    assertEquals(64, event.getString("data.subjects[0].subjectRef").length());
    assertFalse(events.get(0).payload.contains(phone.substring(1)), events.get(0).payload);
  }

  @Test
  void aRecorderNeverReadsConsentStateTheDecisionClientDoes() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    Fixtures.forPhone(phone, code, 1, "GIVEN");
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(Map.of("purpose", code, "subjects", List.of(Map.of("type", "phone", "value", phone))))
        .when()
        .post("/api/v1/decisions")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Fixtures.decide(code, "call-" + UUID.randomUUID(), "phone", phone)
        .statusCode(200)
        .body("decision", equalTo("PERMIT"));
  }

  @Test
  void onlyDecisionClientsMayAsk() {
    Map<String, Object> body =
        Map.of("purpose", "any", "subjects", List.of(Map.of("type", "employee", "value", "x")));
    for (String role : List.of("employee", "manager", "consent-admin", "dpo", "recorder")) {
      given()
          .auth()
          .oauth2(Tokens.user("someone", role))
          .contentType(ContentType.JSON)
          .body(body)
          .when()
          .post("/api/v1/decisions")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/decisions")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void badQuestionsAreProblems() {
    String client = Tokens.client("recording-service", "decision-client");
    given()
        .auth()
        .oauth2(client)
        .contentType(ContentType.JSON)
        .body(Map.of("purpose", "x", "subjects", List.of()))
        .when()
        .post("/api/v1/decisions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("subjects"));
    given()
        .auth()
        .oauth2(client)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                "x",
                "subjects",
                List.of(
                    Map.of("type", "employee", "value", "officer-1"),
                    Map.of("type", "phone", "value", "070-123 45 67"))))
        .when()
        .post("/api/v1/decisions")
        .then()
        .statusCode(400)
        .body("violations.field", contains("subjects[1].value"));
    given()
        .auth()
        .oauth2(client)
        .contentType(ContentType.JSON)
        .body(
            Map.of("purpose", "x", "subjects", List.of(Map.of("type", "fax", "value", "+4670123"))))
        .when()
        .post("/api/v1/decisions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theDecisionEventCarriesTheTraceIdOfTheCallerSCall() {
    String code = Fixtures.purpose("OPT_OUT", "CITIZEN");
    Fixtures.publish(code, false);
    String trace = UUID.randomUUID().toString().replace("-", "");
    String decisionId =
        given()
            .auth()
            .oauth2(Tokens.client("recording-service", "decision-client"))
            .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-00")
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "purpose",
                    code,
                    "subjects",
                    List.of(Map.of("type", "phone", "value", Fixtures.phoneNumber()))))
            .when()
            .post("/api/v1/decisions")
            .then()
            .statusCode(200)
            .extract()
            .path("decisionId");

    List<OutboxEvent> events = Fixtures.events("decision/" + decisionId);
    assertEquals(trace, Fixtures.payload(events.get(0)).getString("traceId"));
  }
}
