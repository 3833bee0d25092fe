package se.insyn.recording.gate.platformscope;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.insyn.recording.Fixtures.decide;
import static se.insyn.recording.Fixtures.decisionRequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;

/**
 * Scoped platforms (issue 21): a platform asks "may I record?" only for the channels that name it,
 * and acts only on the recordings it got a PERMIT for; every refusal is audited.
 */
@QuarkusTest
class PlatformScopeTest {

  private static final String OTHER = "other-pbx";

  private static RequestSpecification as(String platform) {
    return given().auth().oauth2(Tokens.client(platform, "recorder"));
  }

  private static void assign(UUID channel, String platform) {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("platform", platform))
        .put("/api/v1/channels/" + channel + "/platform")
        .then()
        .statusCode(200)
        .body("platform", equalTo(platform));
  }

  private static UUID channelWithPolicy() {
    UUID channel = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(channel));
    return channel;
  }

  private static JsonNode lastRefusal(String subject) {
    List<OutboxEvent> events = Fixtures.events(subject);
    OutboxEvent last = events.get(events.size() - 1);
    assertEquals("recording.platform-refused", last.type);
    return Fixtures.data(last);
  }

  @Test
  void aSecondPlatformAskingForTheFirstPlatformsLineIsForbiddenAndAudited() {
    UUID channel = channelWithPolicy();
    as(OTHER)
        .contentType(ContentType.JSON)
        .body(decisionRequest(channel, "c-" + UUID.randomUUID()))
        .post("/api/v1/recordings")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:forbidden"))
        .body("detail", containsString("R1"))
        .body("detail", containsString(OTHER));
    JsonNode refusal = lastRefusal("channel/" + channel);
    assertEquals(OTHER, refusal.path("platform").asText());
    assertEquals("DECIDE", refusal.path("action").asText());
    assertEquals(channel.toString(), refusal.path("channelId").asText());

    decide(decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(201)
        .body("decision", equalTo("PERMIT"));
  }

  @Test
  void aChannelWithoutAPlatformServesNoPlatformUntilOneIsAssigned() {
    UUID channel = Fixtures.channel(null, null, null);
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/channels/" + channel)
        .then()
        .statusCode(200)
        .body("platform", nullValue());
    Fixtures.activePolicy(Fixtures.validDraft(channel));
    decide(decisionRequest(channel, "c-" + UUID.randomUUID())).statusCode(403);
    assertEquals(Fixtures.PLATFORM, lastRefusal("channel/" + channel).path("platform").asText());

    assign(channel, OTHER);
    OutboxEvent assigned =
        Fixtures.events("channel/" + channel).stream()
            .filter(e -> e.type.equals("channel.platform-assigned"))
            .findFirst()
            .orElseThrow();
    assertEquals(OTHER, Fixtures.data(assigned).path("platform").asText());
    assertFalse(Fixtures.data(assigned).hasNonNull("previousPlatform"));

    as(OTHER)
        .contentType(ContentType.JSON)
        .body(decisionRequest(channel, "c-" + UUID.randomUUID()))
        .post("/api/v1/recordings")
        .then()
        .statusCode(201);
    decide(decisionRequest(channel, "c-" + UUID.randomUUID())).statusCode(403);
  }

  @Test
  void onlyARecordingAdministratorAssignsAValidPlatform() {
    UUID channel = Fixtures.channel();
    as(Fixtures.PLATFORM)
        .contentType(ContentType.JSON)
        .body(Map.of("platform", OTHER))
        .put("/api/v1/channels/" + channel + "/platform")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("platform", "no spaces please"))
        .put("/api/v1/channels/" + channel + "/platform")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("platform"));
  }

  @Test
  void anotherPlatformCannotStartTransferStopOrUploadARecordingItDidNotStart() {
    UUID channel = channelWithPolicy();
    String id =
        decide(decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    String recording = "recording/" + id;
    as(OTHER).post("/api/v1/recordings/" + id + "/started").then().statusCode(404);
    assertEquals("START", lastRefusal(recording).path("action").asText());
    as(OTHER)
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", channel))
        .post("/api/v1/recordings/" + id + "/transfer")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertEquals("TRANSFER", lastRefusal(recording).path("action").asText());
    as(OTHER).post("/api/v1/recordings/" + id + "/stop").then().statusCode(404);
    assertEquals("STOP", lastRefusal(recording).path("action").asText());

    as(Fixtures.PLATFORM)
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(200)
        .body("state", equalTo("RECORDING"));
    as(OTHER)
        .contentType("audio/wav")
        .body(new byte[] {1, 2, 3})
        .put("/api/v1/recordings/" + id + "/content")
        .then()
        .statusCode(404);
    JsonNode upload = lastRefusal(recording);
    assertEquals("UPLOAD", upload.path("action").asText());
    assertEquals(OTHER, upload.path("platform").asText());
    as(Fixtures.PLATFORM)
        .post("/api/v1/recordings/" + id + "/stop")
        .then()
        .statusCode(200)
        .body("state", equalTo("STOPPED"));
  }

  @Test
  void aTransferToAnotherPlatformsLineStopsTheRecording() {
    UUID first = Fixtures.channel();
    UUID elsewhere = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(first, elsewhere));
    assign(elsewhere, OTHER);
    String id =
        decide(decisionRequest(first, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    as(Fixtures.PLATFORM)
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", elsewhere))
        .post("/api/v1/recordings/" + id + "/transfer")
        .then()
        .statusCode(200)
        .body("state", equalTo("STOPPED"))
        .body("stopReason", equalTo("TRANSFER_OUT_OF_SCOPE"));
  }

  @Test
  void theConsentServiceLearnsWhichPurposesAPlatformsChannelsAskCallersAbout() {
    String platform = "pbx-" + UUID.randomUUID();
    UUID asking = Fixtures.channel();
    UUID silent = Fixtures.channel();
    for (UUID channel : List.of(asking, silent)) {
      assign(channel, platform);
    }
    String purpose = "purpose-" + UUID.randomUUID();
    Map<String, Object> draft = Fixtures.validDraft(asking);
    draft.put("consent", Map.of("parties", "CALLER", "purposeCode", purpose));
    Fixtures.activePolicy(draft);
    Map<String, Object> employeesOnly = Fixtures.validDraft(silent);
    employeesOnly.put(
        "consent", Map.of("parties", "EMPLOYEE", "purposeCode", "purpose-" + UUID.randomUUID()));
    Fixtures.activePolicy(employeesOnly);

    String consentService = Tokens.client("consent-service", "platform-scope-reader");
    given()
        .auth()
        .oauth2(consentService)
        .get("/api/v1/platforms/" + platform + "/purposes")
        .then()
        .statusCode(200)
        .body("platform", equalTo(platform))
        .body("purposes", equalTo(List.of(purpose)));
    given()
        .auth()
        .oauth2(consentService)
        .get("/api/v1/platforms/nobody-" + UUID.randomUUID() + "/purposes")
        .then()
        .statusCode(200)
        .body("purposes", empty());
    as(platform).get("/api/v1/platforms/" + platform + "/purposes").then().statusCode(403);
    given()
        .auth()
        .oauth2(consentService)
        .get("/api/v1/platforms/not a client/purposes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
