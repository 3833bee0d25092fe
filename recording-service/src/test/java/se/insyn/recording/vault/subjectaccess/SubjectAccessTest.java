package se.insyn.recording.vault.subjectaccess;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.insyn.recording.ContentFixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;

@QuarkusTest
class SubjectAccessTest {

  private static String dpo() {
    return Tokens.user("dpo-" + UUID.randomUUID(), "dpo");
  }

  /** A started, stopped recording with content of a given caller and employee. */
  private static UUID recordingOf(UUID channel, String number, String employee, byte[] audio) {
    Map<String, Object> request = Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID());
    request.put("participants", Map.of("callerNumber", number, "employeeIds", List.of(employee)));
    UUID id = UUID.fromString(Fixtures.decide(request).statusCode(201).extract().path("id"));
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(200);
    stop(id);
    upload(id, audio);
    return id;
  }

  @Test
  void aCallerLearnsWhatWasRecordedWhyAndWhoListenedAndGetsACopy() {
    UUID channel = channelWithPolicy("P90D");
    String number = Fixtures.phoneNumber();
    byte[] audio = audio("subject", 50);
    UUID id = recordingOf(channel, number, "emp-" + UUID.randomUUID(), audio);
    String reviewer = "reviewer-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(reviewerToken(reviewer))
        .contentType(ContentType.JSON)
        .body(Map.of("reasonCode", "THREAT_INVESTIGATION", "caseRef", "AM 2026/90"))
        .post("/api/v1/recordings/" + id + "/playback")
        .then()
        .statusCode(200);

    Instant now = Instant.now();
    given()
        .auth()
        .oauth2(dpo())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "phoneNumber",
                number,
                "from",
                now.minus(1, ChronoUnit.HOURS).toString(),
                "to",
                now.plus(1, ChronoUnit.HOURS).toString()))
        .post("/api/v1/subject-access")
        .then()
        .statusCode(200)
        .body("recordings", hasSize(1))
        .body("recordings[0].recordingId", equalTo(id.toString()))
        .body("recordings[0].purpose", equalTo("THREAT_DOCUMENTATION"))
        .body("recordings[0].status", equalTo("RETAINED"))
        .body("recordings[0].accesses[0].actor", equalTo(Tokens.subjectOf(reviewer)))
        .body("recordings[0].accesses[0].action", equalTo("PLAYBACK"))
        .body("recordings[0].accesses[0].caseRef", equalTo("AM 2026/90"));
    byte[] copy =
        given()
            .auth()
            .oauth2(dpo())
            .contentType(ContentType.JSON)
            .body(copyOf(number, id, "DPO 2026/41"))
            .post("/api/v1/subject-access/copy")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(audio, copy);
    List<OutboxEvent> exported =
        Fixtures.events("recording/" + id).stream()
            .filter(e -> e.type.equals("recording.exported"))
            .toList();
    assertEquals(1, exported.size());
    assertEquals("DPO 2026/41", Fixtures.data(exported.get(0)).path("requestRef").asText());
    assertEquals("RIGHT_OF_ACCESS", Fixtures.data(exported.get(0)).path("reasonCode").asText());

    // Somebody else's number gets no copy of it.
    given()
        .auth()
        .oauth2(dpo())
        .contentType(ContentType.JSON)
        .body(copyOf(Fixtures.phoneNumber(), id, "DPO 2026/41"))
        .post("/api/v1/subject-access/copy")
        .then()
        .statusCode(404);
  }

  private static Map<String, String> copyOf(String number, UUID id, String requestRef) {
    return Map.of(
        "phoneNumber",
        number,
        "recordingId",
        id.toString(),
        "requestRef",
        requestRef,
        "reasonCode",
        "RIGHT_OF_ACCESS");
  }

  @Test
  void aCopyNamesTheRightsRequestAndTheRightItAnswersR55() {
    String number = Fixtures.phoneNumber();
    UUID id = recordingOf(channelWithPolicy("P90D"), number, "emp-x", audio("ref", 5));
    for (Map<String, String> body :
        List.of(
            Map.of("phoneNumber", number, "recordingId", id.toString()),
            Map.of(
                "phoneNumber",
                number,
                "recordingId",
                id.toString(),
                "requestRef",
                "DPO 1",
                "reasonCode",
                "CURIOSITY"))) {
      given()
          .auth()
          .oauth2(dpo())
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/subject-access/copy")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertEquals(
        0,
        Fixtures.events("recording/" + id).stream()
            .filter(e -> e.type.equals("recording.exported"))
            .count());
  }

  @Test
  void aCopyOfASecrecyClassedRecordingNeedsASecondPersonUsedOnceR50() {
    String number = Fixtures.phoneNumber();
    byte[] audio = audio("secret-copy", 5);
    UUID id =
        recordingOf(
            channelWithPolicy("P90D", "CASE_DOCUMENTATION", "SOCIAL_SERVICES"),
            number,
            "emp-y",
            audio);
    String dpo = "dpo-" + UUID.randomUUID();
    Map<String, String> copy = copyOf(number, id, "DPO 2026/42");
    given()
        .auth()
        .oauth2(Tokens.user(dpo, "dpo"))
        .contentType(ContentType.JSON)
        .body(copy)
        .post("/api/v1/subject-access/copy")
        .then()
        .statusCode(403)
        .body("detail", org.hamcrest.Matchers.containsString("R50"));
    assertEquals(
        "SECOND_APPROVAL",
        Fixtures.data(
                Fixtures.events("recording/" + id).stream()
                    .filter(e -> e.type.equals("recording.access.denied"))
                    .reduce((a, b) -> b)
                    .orElseThrow())
            .path("denial")
            .asText());

    String request =
        given()
            .auth()
            .oauth2(Tokens.user(dpo, "dpo"))
            .contentType(ContentType.JSON)
            .body(copy)
            .post("/api/v1/subject-access/copy-requests")
            .then()
            .statusCode(201)
            .body("requester", equalTo(Tokens.subjectOf(dpo)))
            .extract()
            .path("id");
    String approval = "/api/v1/subject-access/copy-requests/" + request + "/approval";
    given().auth().oauth2(Tokens.user(dpo, "dpo")).post(approval).then().statusCode(403);
    given()
        .auth()
        .oauth2(reviewerToken("reviewer-" + UUID.randomUUID()))
        .post(approval)
        .then()
        .statusCode(403);
    String investigator = "investigator-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(Tokens.user(investigator, "investigator"))
        .post(approval)
        .then()
        .statusCode(200)
        .body("approvedBy", equalTo(Tokens.subjectOf(investigator)));

    byte[] copied =
        given()
            .auth()
            .oauth2(Tokens.user(dpo, "dpo"))
            .contentType(ContentType.JSON)
            .body(copy)
            .post("/api/v1/subject-access/copy")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(audio, copied);
    OutboxEvent exported =
        Fixtures.events("recording/" + id).stream()
            .filter(e -> e.type.equals("recording.exported"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Tokens.subjectOf(investigator), Fixtures.data(exported).path("approvedBy").asText());
    assertEquals("DPO 2026/42", Fixtures.data(exported).path("requestRef").asText());
    given()
        .auth()
        .oauth2(Tokens.user(dpo, "dpo"))
        .contentType(ContentType.JSON)
        .body(copy)
        .post("/api/v1/subject-access/copy")
        .then()
        .statusCode(403);
  }

  @Test
  void anEmployeeSeesTheRecordingsTheyAppearIn() {
    UUID channel = channelWithPolicy("P90D");
    String employee = "emp-" + UUID.randomUUID();
    UUID first = recordingOf(channel, Fixtures.phoneNumber(), employee, audio("e1", 5));
    UUID second = recordingOf(channel, Fixtures.phoneNumber(), employee, audio("e2", 5));
    given()
        .auth()
        .oauth2(dpo())
        .contentType(ContentType.JSON)
        .body(Map.of("employeeId", employee))
        .post("/api/v1/subject-access")
        .then()
        .statusCode(200)
        .body("recordings.recordingId", equalTo(List.of(first.toString(), second.toString())));
  }

  @Test
  void subjectAccessIsForTheDpoAndNeedsExactlyOneSubject() {
    Map<String, Object> body = Map.of("employeeId", "emp-1");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/subject-access")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("rev-" + UUID.randomUUID(), "reviewer"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/subject-access")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(dpo())
        .contentType(ContentType.JSON)
        .body(Map.of("employeeId", "emp-1", "phoneNumber", "+46701234567"))
        .post("/api/v1/subject-access")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(dpo())
        .contentType(ContentType.JSON)
        .body(Map.of("phoneNumber", "not-a-number"))
        .post("/api/v1/subject-access")
        .then()
        .statusCode(400);
  }
}
