package se.insyn.recording.vault.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.ContentFixtures;
import se.insyn.recording.Fixtures;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.disposal.service.DisposalJob;

/** Shadow recordings (issue 6 item 6): registration, quarantine, incident, the DPO's decision. */
@QuarkusTest
class DiscoveredRecordingTest {

  @Inject ContentKeyRepository keys;
  @Inject DisposalJob disposal;

  private static final Instant FOUND =
      Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

  static String operator() {
    return Tokens.user("itop-" + UUID.randomUUID(), "it-operator");
  }

  static String handler() {
    return Tokens.user("inc-" + UUID.randomUUID(), "incident-handler");
  }

  static String dpo() {
    return Tokens.user("dpo-" + UUID.randomUUID(), "dpo");
  }

  @Test
  void recordingsWithoutAPermitAreQuarantinedAndOneIncidentIsOpenedPerBatch() {
    UUID channel = ContentFixtures.channelWithPolicy("P90D");
    String callId = "c-" + UUID.randomUUID();
    Fixtures.decide(Fixtures.decisionRequest(channel, callId)).statusCode(201);
    String caller = Fixtures.phoneNumber();

    JsonNode batch =
        register(
                operator(),
                List.of(
                    found("x-" + UUID.randomUUID(), channel, callId, null),
                    found("x-" + UUID.randomUUID(), channel, null, caller),
                    found("x-" + UUID.randomUUID(), channel, null, null)))
            .statusCode(201)
            .body("quarantined", equalTo(2))
            .body("notificationDeadline", equalTo(FOUND.plus(72, ChronoUnit.HOURS).toString()))
            .body("recordings[0].status", equalTo("MATCHED"))
            .body("recordings[0].matchedRecordingId", notNullValue())
            .body("recordings[1].status", equalTo("QUARANTINED"))
            .body("recordings[2].status", equalTo("QUARANTINED"))
            .extract()
            .as(JsonNode.class);

    String batchId = batch.path("batchId").asText();
    List<OutboxEvent> incident = Fixtures.events("incident/" + batchId);
    assertEquals(1, incident.size());
    assertEquals("incident.opened", incident.get(0).type);
    JsonNode data = Fixtures.data(incident.get(0));
    assertEquals(FOUND.toString(), data.path("awarenessAt").asText());
    assertEquals(
        FOUND.plus(72, ChronoUnit.HOURS).toString(), data.path("notificationDeadline").asText());
    assertEquals(2, data.path("quarantined").size());

    String quarantined = batch.path("recordings").get(1).path("id").asText();
    given()
        .auth()
        .oauth2(handler())
        .get("/api/v1/discovered-recordings/" + quarantined)
        .then()
        .statusCode(200)
        .body("status", equalTo("QUARANTINED"))
        .body("callerHmac", notNullValue())
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(caller)));
  }

  @Test
  void aBatchThatAllMatchesOpensNoIncident() {
    UUID channel = ContentFixtures.channelWithPolicy("P90D");
    String callId = "c-" + UUID.randomUUID();
    Fixtures.decide(Fixtures.decisionRequest(channel, callId)).statusCode(201);
    String batchId =
        register(operator(), List.of(found("x-" + UUID.randomUUID(), channel, callId, null)))
            .statusCode(201)
            .body("quarantined", equalTo(0))
            .body("notificationDeadline", nullValue())
            .extract()
            .path("batchId");
    assertTrue(Fixtures.events("incident/" + batchId).isEmpty());
  }

  @Test
  void invalidAndDuplicateRegistrationsAreRefused() {
    UUID channel = ContentFixtures.channelWithPolicy("P90D");
    Map<String, Object> noChannel = found("x-" + UUID.randomUUID(), null, null, null);
    register(operator(), List.of(noChannel))
        .statusCode(400)
        .contentType("application/problem+json");
    Map<String, Object> badNumber = found("x-" + UUID.randomUUID(), channel, null, "0701234567");
    register(operator(), List.of(badNumber)).statusCode(400);
    Map<String, Object> ok = found("x-" + UUID.randomUUID(), channel, null, null);
    register(operator(), List.of(ok)).statusCode(201);
    register(operator(), List.of(ok)).statusCode(409).contentType("application/problem+json");
  }

  @Test
  void onlyIncidentHandlersReachAQuarantinedRecordingAndEveryPlaybackIsAudited() {
    String id = quarantinedOne();
    byte[] audio = ContentFixtures.audio("shadow-" + UUID.randomUUID(), 200);
    given()
        .auth()
        .oauth2(operator())
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/discovered-recordings/" + id + "/content")
        .then()
        .statusCode(201)
        .body("contentState", equalTo("SEALED"));

    byte[] played = playback(handler(), id).statusCode(200).extract().asByteArray();
    assertArrayEquals(audio, played);
    assertEquals(
        List.of("discovered-recording.content.stored", "discovered-recording.accessed"),
        Fixtures.eventTypes("discovered/" + id));

    for (String other :
        List.of(
            operator(),
            dpo(),
            ContentFixtures.reviewerToken("rev-" + UUID.randomUUID()),
            ContentFixtures.investigatorToken(),
            Fixtures.adminToken())) {
      playback(other, id).statusCode(403);
      given()
          .auth()
          .oauth2(other)
          .get("/api/v1/discovered-recordings/" + id)
          .then()
          .statusCode(403);
      given().auth().oauth2(other).get("/api/v1/discovered-recordings").then().statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("caseRef", "INC 1"))
        .post("/api/v1/discovered-recordings/" + id + "/playback")
        .then()
        .statusCode(401);
    given().get("/api/v1/discovered-recordings/" + id).then().statusCode(401);
    given().get("/api/v1/discovered-recordings").then().statusCode(401);
    given()
        .auth()
        .oauth2(handler())
        .get("/api/v1/discovered-recordings")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.hasItem(id));
  }

  @Test
  void onlyItOperatorsRegisterAndUpload() {
    UUID channel = ContentFixtures.channelWithPolicy("P90D");
    for (String other : List.of(handler(), dpo(), Fixtures.adminToken())) {
      register(other, List.of(found("x-" + UUID.randomUUID(), channel, null, null)))
          .statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("platform", "p", "foundAt", FOUND.toString(), "recordings", List.of()))
        .post("/api/v1/discovered-recordings")
        .then()
        .statusCode(401);
    String id = quarantinedOne();
    given()
        .auth()
        .oauth2(handler())
        .contentType("audio/wav")
        .body(new byte[] {1, 2, 3})
        .put("/api/v1/discovered-recordings/" + id + "/content")
        .then()
        .statusCode(403);
    given()
        .contentType("audio/wav")
        .body(new byte[] {1, 2, 3})
        .put("/api/v1/discovered-recordings/" + id + "/content")
        .then()
        .statusCode(401);
  }

  @Test
  void quarantinedRecordingsAreNeverDisposedOfByTheJobAndTheDpoDisposesWithAReceipt()
      throws Exception {
    String id = quarantinedOne();
    given()
        .auth()
        .oauth2(operator())
        .contentType("audio/wav")
        .body(ContentFixtures.audio("dispose-me", 50))
        .put("/api/v1/discovered-recordings/" + id + "/content")
        .then()
        .statusCode(201);
    UUID uuid = UUID.fromString(id);

    disposal.run();
    assertTrue(keyExists(uuid));
    assertTrue(Files.exists(ContentFixtures.BLOB_DIR.resolve("discovered").resolve(id)));

    for (String other : List.of(handler(), operator(), Fixtures.adminToken())) {
      decide(other, id, dispose()).statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(dispose())
        .post("/api/v1/discovered-recordings/" + id + "/decision")
        .then()
        .statusCode(401);
    Map<String, Object> noRef = new LinkedHashMap<>(dispose());
    noRef.remove("decisionRef");
    decide(dpo(), id, noRef).statusCode(400).contentType("application/problem+json");
    Map<String, Object> noRationale = new LinkedHashMap<>(dispose());
    noRationale.remove("rationale");
    decide(dpo(), id, noRationale).statusCode(400);

    String receiptId =
        decide(dpo(), id, dispose())
            .statusCode(200)
            .body("status", equalTo("DISPOSED"))
            .body("decisionRef", equalTo("KS 2026/140"))
            .body("disposalReceipt.decisionRef", equalTo("KS 2026/140"))
            .extract()
            .path("disposalReceipt.receiptId");
    assertFalse(keyExists(uuid));
    assertFalse(Files.exists(ContentFixtures.BLOB_DIR.resolve("discovered").resolve(id)));
    OutboxEvent disposed = Fixtures.events("discovered/" + id).get(1);
    assertEquals("discovered-recording.disposed", disposed.type);
    assertEquals(receiptId, disposed.id.toString());
    assertEquals("Recorded without a PERMIT", Fixtures.data(disposed).path("rationale").asText());
    playback(handler(), id).statusCode(410);
    decide(dpo(), id, dispose()).statusCode(409);
  }

  @Test
  void theDpoKeepsARecordingAsEvidenceOnlyUnderAnActiveHold() {
    String id = quarantinedOne();
    Map<String, Object> keep = new LinkedHashMap<>();
    keep.put("decision", "KEEP_AS_EVIDENCE");
    keep.put("rationale", "Needed for the police report");
    decide(dpo(), id, keep).statusCode(400);
    keep.put("holdId", UUID.randomUUID().toString());
    decide(dpo(), id, keep).statusCode(422).contentType("application/problem+json");

    ContentFixtures.Made held = ContentFixtures.started(ContentFixtures.channelWithPolicy("P90D"));
    String hold =
        given()
            .auth()
            .oauth2(ContentFixtures.investigatorToken())
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "caseRef",
                    "AM 2026/9",
                    "reason",
                    "POLICE_REPORT",
                    "criteria",
                    Map.of("recordingIds", List.of(held.id()))))
            .post("/api/v1/legal-holds")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    keep.put("holdId", hold);
    decide(dpo(), id, keep)
        .statusCode(200)
        .body("status", equalTo("KEPT_AS_EVIDENCE"))
        .body("holdId", equalTo(hold))
        .body("rationale", equalTo("Needed for the police report"));
    assertEquals(
        "discovered-recording.kept-as-evidence", Fixtures.eventTypes("discovered/" + id).get(0));
    decide(dpo(), id, dispose()).statusCode(409);
  }

  private boolean keyExists(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> keys.findByIdOptional(id).isPresent());
  }

  private static Map<String, Object> dispose() {
    return Map.of(
        "decision",
        "DISPOSE",
        "decisionRef",
        "KS 2026/140",
        "rationale",
        "Recorded without a PERMIT");
  }

  private static String quarantinedOne() {
    UUID channel = ContentFixtures.channelWithPolicy("P90D");
    return register(operator(), List.of(found("x-" + UUID.randomUUID(), channel, null, null)))
        .statusCode(201)
        .body("recordings[0].status", equalTo("QUARANTINED"))
        .extract()
        .path("recordings[0].id");
  }

  private static Map<String, Object> found(
      String externalId, UUID channel, String callId, String callerNumber) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("externalId", externalId);
    f.put("channelId", channel);
    f.put("callId", callId);
    f.put("recordedAt", FOUND.minus(3, ChronoUnit.DAYS).toString());
    f.put("durationSeconds", 184);
    f.put("callerNumber", callerNumber);
    return f;
  }

  private static ValidatableResponse register(String token, List<Map<String, Object>> found) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("platform", "pbx-east", "foundAt", FOUND.toString(), "recordings", found))
        .post("/api/v1/discovered-recordings")
        .then();
  }

  private static ValidatableResponse playback(String token, String id) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("caseRef", "INC 2026/9"))
        .post("/api/v1/discovered-recordings/" + id + "/playback")
        .then();
  }

  private static ValidatableResponse decide(String token, String id, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/discovered-recordings/" + id + "/decision")
        .then();
  }
}
