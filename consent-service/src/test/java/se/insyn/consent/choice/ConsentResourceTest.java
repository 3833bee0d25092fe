package se.insyn.consent.choice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;

@QuarkusTest
class ConsentResourceTest {

  private static Map<String, Object> own(String code, int version, String choice) {
    Map<String, Object> body = new HashMap<>();
    body.put("purpose", code);
    body.put("noticeVersion", version);
    body.put("choice", choice);
    body.put("scope", "STANDING");
    return body;
  }

  private static Map<String, Object> forPhone(String code, String phone) {
    Map<String, Object> body = own(code, 1, "GIVEN");
    body.put("subject", Map.of("type", "phone", "value", phone));
    body.put("mechanism", "DTMF");
    body.put("interactionId", "call-" + UUID.randomUUID());
    return body;
  }

  @Test
  void anEmployeeRecordsTheirOwnChoiceWithItsEvidence() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String hash =
        given()
            .auth()
            .oauth2(Tokens.user(employee, "employee"))
            .when()
            .get("/api/v1/purposes/{code}/notices/1", code)
            .then()
            .extract()
            .path("contentHash");

    String id =
        given()
            .auth()
            .oauth2(Tokens.user(employee, "employee"))
            .contentType(ContentType.JSON)
            .body(own(code, 1, "REFUSED"))
            .when()
            .post("/api/v1/consents")
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .body("purpose", equalTo(code))
            .body("choice", equalTo("REFUSED"))
            .body("scope", equalTo("STANDING"))
            .body("noticeVersion", equalTo(1))
            .body("noticeHash", equalTo(hash))
            .body("mechanism", equalTo("UI"))
            .body("recordedAt", notNullValue())
            .body("state", equalTo("REFUSED"))
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .when()
        .get("/api/v1/consents/{id}", id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("choice", equalTo("REFUSED"));

    List<OutboxEvent> events = Fixtures.events("consent/" + id);
    assertEquals(List.of("consent.refused"), events.stream().map(e -> e.type).toList());
    JsonPath event = Fixtures.payload(events.get(0));
    assertEquals(Tokens.subjectOf(employee), event.getString("data.subjectRef"));
    assertEquals(hash, event.getString("data.noticeHash"));
    assertEquals(code, event.getString("purpose"));
  }

  @Test
  void aMalformedIdIsA400NamingItNotA404() {
    given()
        .auth()
        .oauth2(Tokens.user("employee-" + UUID.randomUUID(), "employee"))
        .when()
        .get("/api/v1/consents/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:validation"))
        .body("violations[0].field", equalTo("id"))
        .body("violations[0].message", equalTo("must be a UUID"));
  }

  @Test
  void theLocationOfARecordedChoicePointsAtIt() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = Tokens.user("officer-" + UUID.randomUUID(), "employee");
    String location =
        given()
            .auth()
            .oauth2(employee)
            .contentType(ContentType.JSON)
            .body(own(code, 1, "GIVEN"))
            .when()
            .post("/api/v1/consents")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    given().auth().oauth2(employee).when().get(location).then().statusCode(200);
  }

  @Test
  void aRecorderRecordsACallersChoiceUnderAPseudonym() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    Map<String, Object> body = forPhone(code, phone);
    String id =
        given()
            .auth()
            .oauth2(Fixtures.recorder())
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .post("/api/v1/consents")
            .then()
            .statusCode(201)
            .body("choice", equalTo("GIVEN"))
            .body("mechanism", equalTo("DTMF"))
            .body("interactionId", equalTo(body.get("interactionId")))
            .extract()
            .path("id");

    JsonPath event = Fixtures.payload(Fixtures.events("consent/" + id).get(0));
    assertEquals("consent.given", event.getString("type"));
    assertEquals("PHONE", event.getString("data.subjectType"));
    assertEquals(64, event.getString("data.subjectRef").length());
    assertNotEquals(phone, event.getString("data.subjectRef"));
    assertEquals("DTMF", event.getString("data.mechanism"));
    assertEquals(body.get("interactionId"), event.getString("data.interactionId"));
  }

  @Test
  void theSamePhoneNumberAlwaysGetsTheSamePseudonym() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    String first = Fixtures.forPhone(phone, code, 1, "GIVEN");
    String second = Fixtures.forPhone(phone, code, 1, "REFUSED");
    assertEquals(
        Fixtures.payload(Fixtures.events("consent/" + first).get(0)).getString("data.subjectRef"),
        Fixtures.payload(Fixtures.events("consent/" + second).get(0)).getString("data.subjectRef"));
  }

  @Test
  void silenceCannotBeRecorded() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    for (String silence : List.of("NONE", "SILENT", "NO_ANSWER")) {
      Map<String, Object> body = forPhone(code, Fixtures.phoneNumber());
      body.put("choice", silence);
      given()
          .auth()
          .oauth2(Fixtures.recorder())
          .contentType(ContentType.JSON)
          .body(body)
          .when()
          .post("/api/v1/consents")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", contains("choice"));
    }
    Map<String, Object> noChoice = forPhone(code, Fixtures.phoneNumber());
    noChoice.remove("choice");
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(noChoice)
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(400)
        .body("violations.field", contains("choice"));
  }

  @Test
  void aRecorderMustSayHowAndInWhichInteraction() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    Map<String, Object> body = forPhone(code, "0701234567");
    body.remove("mechanism");
    body.remove("interactionId");
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("subject.value", "mechanism", "interactionId"));
  }

  @Test
  void aRecorderCannotRecordAnEmployeesChoice() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE", "CITIZEN");
    Fixtures.publish(code, false);
    Map<String, Object> body = forPhone(code, Fixtures.phoneNumber());
    body.put("subject", Map.of("type", "employee", "value", "officer-1"));
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(400)
        .body("violations.field", contains("subject.type"));
  }

  @Test
  void anEmployeeCannotRecordForSomeoneElse() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    given()
        .auth()
        .oauth2(Tokens.user("officer-3", "employee"))
        .contentType(ContentType.JSON)
        .body(forPhone(code, Fixtures.phoneNumber()))
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aRecorderHasNoChoiceOfItsOwn() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(own(code, 1, "GIVEN"))
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(403);
  }

  @Test
  void otherRolesCannotRecordChoices() {
    for (String role : List.of("manager", "consent-admin", "dpo", "decision-client")) {
      given()
          .auth()
          .oauth2(Tokens.user("someone", role))
          .contentType(ContentType.JSON)
          .body(own("any", 1, "GIVEN"))
          .when()
          .post("/api/v1/consents")
          .then()
          .statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(own("any", 1, "GIVEN"))
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownPurposesNoticeVersionsAndSubjectsNotConcernedAreUnprocessable() {
    String employeesOnly = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(employeesOnly, false);
    String citizensOnly = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(citizensOnly, false);
    String employee = Tokens.user("officer-4", "employee");
    Map<Map<String, Object>, String> cases =
        Map.of(
            own("no-such-purpose", 1, "GIVEN"), "purpose",
            own(employeesOnly, 2, "GIVEN"), "noticeVersion",
            own(citizensOnly, 1, "GIVEN"), "purpose");
    cases.forEach(
        (body, field) ->
            given()
                .auth()
                .oauth2(employee)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/consents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains(field)));
  }

  @Test
  void theScopeAndTheExpiryMustMakeSense() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = Tokens.user("officer-5", "employee");
    Map<String, Object> session = own(code, 1, "GIVEN");
    session.put("scope", "SESSION");
    given()
        .auth()
        .oauth2(employee)
        .contentType(ContentType.JSON)
        .body(session)
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(400)
        .body("violations.field", contains("sessionId"));

    Map<String, Object> past = own(code, 1, "GIVEN");
    past.put("expiresAt", Instant.now().minusSeconds(60).toString());
    given()
        .auth()
        .oauth2(employee)
        .contentType(ContentType.JSON)
        .body(past)
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(422)
        .body("violations.field", contains("expiresAt"));

    given()
        .auth()
        .oauth2(employee)
        .contentType(ContentType.JSON)
        .body("{\"purpose\": 5, \"noticeVersion\": \"one\"")
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void withdrawalIsOneStepIdempotentAndKeepsTheHistory() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String id = Fixtures.own(employee, code, 1, "GIVEN");
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(Tokens.user(employee, "employee"))
          .contentType(ContentType.JSON)
          .body("{}")
          .when()
          .post("/api/v1/consents/{id}/withdraw", id)
          .then()
          .statusCode(200)
          .body("id", equalTo(id))
          .body("choice", equalTo("GIVEN"))
          .body("state", equalTo("WITHDRAWN"))
          .body("withdrawnAt", notNullValue());
    }
    assertEquals(
        List.of("consent.given", "consent.withdrawn"), Fixtures.eventTypes("consent/" + id));
  }

  @Test
  void nobodyElseCanReadOrWithdrawAnEmployeesChoice() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String id = Fixtures.own("officer-" + UUID.randomUUID(), code, 1, "REFUSED");
    String colleague = Tokens.user("officer-" + UUID.randomUUID(), "employee");
    given()
        .auth()
        .oauth2(colleague)
        .when()
        .get("/api/v1/consents/{id}", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(colleague)
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(Map.of("interactionId", "call-1"))
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(404);
    for (String role : List.of("manager", "consent-admin", "dpo", "recorder")) {
      given()
          .auth()
          .oauth2(Tokens.user("someone", role))
          .when()
          .get("/api/v1/consents/{id}", id)
          .then()
          .statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("someone", "manager"))
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(403);
    assertEquals(List.of("consent.refused"), Fixtures.eventTypes("consent/" + id));
  }

  @Test
  void aRecorderWithdrawsForACallerWithinANewInteraction() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String id = Fixtures.forPhone(Fixtures.phoneNumber(), code, 1, "GIVEN");
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(400)
        .body("violations.field", contains("interactionId"));
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(Map.of("interactionId", "call-later"))
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(200)
        .body("state", equalTo("WITHDRAWN"));
    List<OutboxEvent> events = Fixtures.events("consent/" + id);
    assertEquals("consent.withdrawn", events.get(1).type);
    assertEquals("call-later", Fixtures.payload(events.get(1)).getString("data.interactionId"));
  }

  @Test
  void withdrawingSomethingThatDoesNotExistIsNotFound() {
    given()
        .auth()
        .oauth2(Tokens.user("officer-6", "employee"))
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anEmployeeSeesTheirOwnChoicesWithHistoryAndNobodyElses() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String first = Fixtures.own(employee, code, 1, "GIVEN");
    String second = Fixtures.own(employee, code, 1, "REFUSED");
    Fixtures.own("officer-" + UUID.randomUUID(), code, 1, "GIVEN");

    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .when()
        .get("/api/v1/me/consents")
        .then()
        .statusCode(200)
        .body("id", contains(second, first))
        .body("state", contains("REFUSED", "SUPERSEDED"));

    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", second)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .when()
        .get("/api/v1/me/consents")
        .then()
        .body("state", contains("WITHDRAWN", "SUPERSEDED"))
        .body("noticeHash", everyItem(matchesPattern("[0-9a-f]{64}")));

    given().when().get("/api/v1/me/consents").then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("boss-1", "manager"))
        .when()
        .get("/api/v1/me/consents")
        .then()
        .statusCode(403);
  }

  @Test
  void anExpiredChoiceShowsAsExpiredToItsOwner() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String id = Fixtures.own(employee, code, 1, "GIVEN");
    Expiry.expire(id);
    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .when()
        .get("/api/v1/consents/{id}", id)
        .then()
        .body("state", equalTo("EXPIRED"))
        .body("expiresAt", endsWith("Z"));
  }
}
