package se.insyn.consent.recorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.consent.RecordingServiceStub;
import se.insyn.consent.choice.repository.ConsentRepository;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;

/**
 * Scoped platforms (issue 21): a recorder records a caller's choice only for a purpose its own
 * channels use, as the recording-service says, and withdraws only the choices it recorded; when the
 * recording-service cannot say, nothing is recorded.
 */
@QuarkusTest
class RecorderScopeTest {

  @Inject ConsentRepository consents;

  private static ValidatableResponse record(String platform, String purpose) {
    return Fixtures.forPhoneBy(
        Tokens.client(platform, "recorder"), Fixtures.phoneNumber(), purpose, 1, "GIVEN");
  }

  private static ValidatableResponse withdraw(String platform, String id) {
    return given()
        .auth()
        .oauth2(Tokens.client(platform, "recorder"))
        .contentType(ContentType.JSON)
        .body(Map.of("interactionId", "call-" + UUID.randomUUID()))
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then();
  }

  private static JsonPath last(String subject) {
    List<OutboxEvent> events = Fixtures.events(subject);
    return Fixtures.payload(events.get(events.size() - 1));
  }

  private static String citizenPurpose() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    return code;
  }

  @Test
  void aPlatformRecordsNoChoiceForAPurposeItsChannelsDoNotUse() {
    String purpose = citizenPurpose();
    record("other-pbx", purpose)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("R11"))
        .body("detail", containsString("other-pbx"));
    JsonPath refusal = last("purpose/" + purpose);
    assertEquals("consent.platform-refused", refusal.getString("type"));
    assertEquals("other-pbx", refusal.getString("data.platform"));
    assertEquals("RECORD_CHOICE", refusal.getString("data.action"));
    assertEquals(purpose, refusal.getString("data.purpose"));

    record(Fixtures.PLATFORM, purpose).statusCode(201);
  }

  @Test
  void aPlatformWithdrawsOnlyTheChoicesItRecorded() {
    String purpose = citizenPurpose();
    RecordingServiceStub.serve("other-pbx", purpose);
    String id = record(Fixtures.PLATFORM, purpose).statusCode(201).extract().path("id");

    withdraw("other-pbx", id).statusCode(404).contentType("application/problem+json");
    JsonPath refusal = last("consent/" + id);
    assertEquals("consent.platform-refused", refusal.getString("type"));
    assertEquals("WITHDRAW", refusal.getString("data.action"));
    assertEquals(id, refusal.getString("data.consentId"));

    withdraw(Fixtures.PLATFORM, id).statusCode(200).body("state", equalTo("WITHDRAWN"));
    assertEquals(
        List.of("consent.given", "consent.platform-refused", "consent.withdrawn"),
        Fixtures.eventTypes("consent/" + id));
  }

  @Test
  void aPlatformsPurposesAreReusedBrieflyAndARecordingServiceThatCannotAnswerRecordsNothing() {
    String platform = "pbx-" + UUID.randomUUID();
    String known = citizenPurpose();
    String later = citizenPurpose();
    RecordingServiceStub.serve(platform, known);
    try {
      record(platform, known).statusCode(201);
      record(platform, known).statusCode(201);
      assertEquals(1, RecordingServiceStub.asked(platform));

      RecordingServiceStub.serve(platform, later);
      RecordingServiceStub.behave("error");
      record(platform, known).statusCode(201);
      record(platform, later)
          .statusCode(503)
          .contentType("application/problem+json")
          .body("type", equalTo("urn:insyn:problem:unavailable"));
      RecordingServiceStub.behave("hang");
      record(platform, later).statusCode(503);
      assertEquals(0, consents.count("purposeCode", later));
      assertEquals(
          List.of("purpose.created", "notice.published"), Fixtures.eventTypes("purpose/" + later));

      RecordingServiceStub.behave("up");
      record(platform, later).statusCode(201);
      assertEquals(1, consents.count("purposeCode", later));
    } finally {
      RecordingServiceStub.behave("up");
    }
  }
}
