package se.insyn.recording.vault.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.ContentFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;
import se.insyn.recording.vault.access.repository.AccessApprovalRepository;

@QuarkusTest
class AccessTest {

  @Inject AccessApprovalRepository approvals;

  private static final Map<String, String> THREAT =
      Map.of("reasonCode", "THREAT_INVESTIGATION", "caseRef", "AM 2026/77");

  @Test
  void aReviewerWithAReasonForThePolicysPurposeHearsTheRecordingAndItIsAudited() {
    byte[] audio = audio("play-" + UUID.randomUUID(), 2_000);
    Made made = withContent(channelWithPolicy("P90D"), audio);
    String reviewer = "reviewer-" + UUID.randomUUID();
    byte[] played =
        given()
            .auth()
            .oauth2(reviewerToken(reviewer))
            .contentType(ContentType.JSON)
            .body(THREAT)
            .post("/api/v1/recordings/" + made.id() + "/playback")
            .then()
            .statusCode(200)
            .contentType("audio/wav")
            .extract()
            .asByteArray();
    assertArrayEquals(audio, played);
    OutboxEvent event = last(made.id(), "recording.played");
    assertTrue(event.payload.contains(Tokens.subjectOf(reviewer)), event.payload);
    assertEquals("AM 2026/77", Fixtures.data(event).path("caseRef").asText());
    assertEquals("THREAT_INVESTIGATION", Fixtures.data(event).path("reasonCode").asText());
  }

  @Test
  void anItOperatorNeverGetsContentAndTheAttemptIsAudited() {
    Made made = withContent(channelWithPolicy("P90D"), audio("it", 10));
    String operator = "it-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(Tokens.user(operator, "it-operator"))
        .contentType(ContentType.JSON)
        .body(THREAT)
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    OutboxEvent denied = last(made.id(), "recording.access.denied");
    assertEquals("ROLE", Fixtures.data(denied).path("denial").asText());
    assertTrue(denied.payload.contains(Tokens.subjectOf(operator)), denied.payload);

    given()
        .contentType(ContentType.JSON)
        .body(THREAT)
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(401);
  }

  @Test
  void aReasonOutsideThePolicysPurposesIsRefusedAndAudited() {
    Made made = withContent(channelWithPolicy("P90D"), audio("purpose", 10));
    given()
        .auth()
        .oauth2(reviewerToken("reviewer-" + UUID.randomUUID()))
        .contentType(ContentType.JSON)
        .body(Map.of("reasonCode", "QUALITY_REVIEW", "caseRef", "KV 2026/3"))
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    JsonNode denied = Fixtures.data(last(made.id(), "recording.access.denied"));
    assertEquals("PURPOSE", denied.path("denial").asText());
    assertEquals("QUALITY_TRAINING", denied.path("reasonPurpose").asText());
    assertEquals("KV 2026/3", denied.path("caseRef").asText());
  }

  @Test
  void aMissingOrMalformedReasonIsA400AndAuditedAsARefusalR51() {
    Made made = withContent(channelWithPolicy("P90D"), audio("noreason", 10));
    String reviewer = reviewerToken("reviewer-" + UUID.randomUUID());
    for (String body :
        List.of(
            "{\"reasonCode\":\"THREAT_INVESTIGATION\"}",
            "{\"reasonCode\":\"NOT_A_REASON\",\"caseRef\":\"AM 1\"}",
            "{not json",
            "")) {
      int before = Fixtures.eventTypes("recording/" + made.id()).size();
      given()
          .auth()
          .oauth2(reviewer)
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/recordings/" + made.id() + "/playback")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", org.hamcrest.Matchers.containsString("R50"));
      List<String> types = Fixtures.eventTypes("recording/" + made.id());
      assertEquals(before + 1, types.size(), body);
      assertEquals("recording.access.denied", types.get(types.size() - 1), body);
      assertEquals(
          "REASON",
          Fixtures.data(last(made.id(), "recording.access.denied")).path("denial").asText());
    }
  }

  @Test
  void aProbeOfAnUnknownIdAnswersLikeOneTheCallerMayNotSee() {
    Made made = withContent(channelWithPolicy("P90D"), audio("probe", 10));
    String operator = Tokens.user("it-" + UUID.randomUUID(), "it-operator");
    io.restassured.response.Response existing =
        given()
            .auth()
            .oauth2(operator)
            .contentType(ContentType.JSON)
            .body(THREAT)
            .post("/api/v1/recordings/" + made.id() + "/playback");
    UUID unknown = UUID.randomUUID();
    io.restassured.response.Response missing =
        given()
            .auth()
            .oauth2(operator)
            .contentType(ContentType.JSON)
            .body(THREAT)
            .post("/api/v1/recordings/" + unknown + "/playback");
    assertEquals(403, existing.statusCode());
    assertEquals(existing.statusCode(), missing.statusCode());
    assertEquals(existing.jsonPath().getString("detail"), missing.jsonPath().getString("detail"));
    assertEquals(existing.jsonPath().getString("title"), missing.jsonPath().getString("title"));
    assertEquals(List.of("recording.access.denied"), Fixtures.eventTypes("recording/" + unknown));
  }

  @Test
  void aSecrecyClassedLineNeedsASecondReviewersApprovalFirst() {
    Map<String, String> reason = Map.of("reasonCode", "CASE_HANDLING", "caseRef", "SOC 2026/12");
    byte[] audio = audio("secret", 10);
    Made made =
        withContent(channelWithPolicy("P90D", "CASE_DOCUMENTATION", "SOCIAL_SERVICES"), audio);
    String rut = "reviewer-rut-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(reviewerToken(rut))
        .contentType(ContentType.JSON)
        .body(reason)
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(403);
    assertEquals(
        "SECOND_APPROVAL",
        Fixtures.data(last(made.id(), "recording.access.denied")).path("denial").asText());

    // The person who needs access asks for it; nobody approves their own request.
    String request =
        given()
            .auth()
            .oauth2(reviewerToken(rut))
            .contentType(ContentType.JSON)
            .body(reason)
            .post("/api/v1/recordings/" + made.id() + "/access-requests")
            .then()
            .statusCode(201)
            .body("requester", equalTo(Tokens.subjectOf(rut)))
            .body("approvedBy", org.hamcrest.Matchers.nullValue())
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(reviewerToken(rut))
        .post("/api/v1/recordings/" + made.id() + "/access-requests/" + request + "/approval")
        .then()
        .statusCode(403);
    assertEquals(
        "SELF_APPROVAL",
        Fixtures.data(last(made.id(), "recording.access.denied")).path("denial").asText());
    given()
        .auth()
        .oauth2(Tokens.user("it-" + UUID.randomUUID(), "it-operator"))
        .post("/api/v1/recordings/" + made.id() + "/access-requests/" + request + "/approval")
        .then()
        .statusCode(403);

    String sven = reviewerToken("reviewer-sven-" + UUID.randomUUID());
    given()
        .auth()
        .oauth2(sven)
        .post("/api/v1/recordings/" + made.id() + "/access-requests/" + request + "/approval")
        .then()
        .statusCode(200)
        .body("requester", equalTo(Tokens.subjectOf(rut)))
        .body("expiresAt", org.hamcrest.Matchers.notNullValue());
    given()
        .auth()
        .oauth2(sven)
        .post("/api/v1/recordings/" + made.id() + "/access-requests/" + request + "/approval")
        .then()
        .statusCode(409);

    byte[] played =
        given()
            .auth()
            .oauth2(reviewerToken(rut))
            .contentType(ContentType.JSON)
            .body(reason)
            .post("/api/v1/recordings/" + made.id() + "/playback")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(audio, played);

    // Used once: a second playback needs a new approval (R50).
    given()
        .auth()
        .oauth2(reviewerToken(rut))
        .contentType(ContentType.JSON)
        .body(reason)
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(403);
  }

  @Test
  void anApprovalExpires() {
    Map<String, String> reason = Map.of("reasonCode", "CASE_HANDLING", "caseRef", "SOC 2026/13");
    Made made =
        withContent(
            channelWithPolicy("P90D", "CASE_DOCUMENTATION", "SOCIAL_SERVICES"), audio("exp", 10));
    String rut = "reviewer-rut-" + UUID.randomUUID();
    String request =
        given()
            .auth()
            .oauth2(reviewerToken(rut))
            .contentType(ContentType.JSON)
            .body(reason)
            .post("/api/v1/recordings/" + made.id() + "/access-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(reviewerToken("reviewer-sven-" + UUID.randomUUID()))
        .post("/api/v1/recordings/" + made.id() + "/access-requests/" + request + "/approval")
        .then()
        .statusCode(200);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                approvals.findById(UUID.fromString(request)).expiresAt =
                    Instant.now().minusSeconds(1));
    given()
        .auth()
        .oauth2(reviewerToken(rut))
        .contentType(ContentType.JSON)
        .body(reason)
        .post("/api/v1/recordings/" + made.id() + "/playback")
        .then()
        .statusCode(403);
    assertEquals(
        "SECOND_APPROVAL",
        Fixtures.data(last(made.id(), "recording.access.denied")).path("denial").asText());
  }

  @Test
  void metadataListingIsForMetadataRolesAndEveryListingIsAudited() {
    UUID channel = channelWithPolicy("P90D");
    Made made = withContent(channel, audio("list", 10));
    for (String role : List.of("recording-admin", "it-operator", "investigator", "dpo")) {
      given()
          .auth()
          .oauth2(Tokens.user(role + "-" + UUID.randomUUID(), role))
          .queryParam("channel", channel.toString())
          .get("/api/v1/recordings")
          .then()
          .statusCode(200)
          .body("id", hasItem(made.id().toString()))
          .body("[0].contentState", equalTo("SEALED"));
    }
    given()
        .auth()
        .oauth2(reviewerToken("reviewer-" + UUID.randomUUID()))
        .get("/api/v1/recordings")
        .then()
        .statusCode(403);
    given().get("/api/v1/recordings").then().statusCode(401);
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .queryParam("limit", 0)
        .get("/api/v1/recordings")
        .then()
        .statusCode(400);
    List<OutboxEvent> listed =
        Fixtures.events("channel/" + channel).stream()
            .filter(e -> e.type.equals("recording.listed"))
            .toList();
    assertEquals(4, listed.size());
    assertEquals(
        made.id().toString(), Fixtures.data(listed.get(0)).path("recordingIds").get(0).asText());
  }

  private static OutboxEvent last(UUID recording, String type) {
    List<OutboxEvent> events =
        Fixtures.events("recording/" + recording).stream()
            .filter(e -> e.type.equals(type))
            .toList();
    assertTrue(!events.isEmpty(), "no " + type + " event");
    return events.get(events.size() - 1);
  }
}
