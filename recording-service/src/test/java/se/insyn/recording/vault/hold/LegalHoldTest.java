package se.insyn.recording.vault.hold;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.ContentFixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.recording.Fixtures;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.disposal.service.DisposalJob;

@QuarkusTest
class LegalHoldTest {

  @Inject DisposalJob job;
  @Inject ContentKeyRepository keys;

  @Test
  void aHoldStopsDisposalAndReleasingResumesIt() {
    Made made = withContent(channelWithPolicy("PT2S"), audio("held", 10));
    String investigator = investigatorToken();
    String hold =
        place(
                investigator,
                Map.of(
                    "caseRef",
                    "KS 2026/331",
                    "reason",
                    "DOCUMENT_REQUEST",
                    "criteria",
                    Map.of("recordingIds", List.of(made.id()))))
            .statusCode(201)
            .body("covered", hasItem(made.id().toString()))
            .body("placedBy", equalTo(subject(investigator)))
            .extract()
            .path("id");
    waitUntilPast(made.deleteAfter());

    job.run();
    assertTrue(keyExists(made.id()), "held: the key survives the run");
    assertTrue(blobExists(made.id()));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(200);

    String dpo = Tokens.user("dpo-" + UUID.randomUUID(), "dpo");
    given()
        .auth()
        .oauth2(dpo)
        .delete("/api/v1/legal-holds/" + hold + "?reason=Request answered")
        .then()
        .statusCode(200)
        .body("releasedAt", org.hamcrest.Matchers.notNullValue())
        .body("releasedBy", equalTo(subject(dpo)));
    assertEquals(
        List.of("legalhold.placed", "legalhold.released"),
        Fixtures.eventTypes("legal-hold/" + hold));
    var released = Fixtures.data(Fixtures.events("legal-hold/" + hold).get(1));
    assertEquals(subject(investigator), released.path("placedBy").asText());
    assertEquals(subject(dpo), released.path("releasedBy").asText());
    assertEquals("Request answered", released.path("reason").asText());

    job.run();
    assertFalse(keyExists(made.id()));
    assertFalse(blobExists(made.id()));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(410);
  }

  @Test
  void aChannelWindowHoldAlsoCatchesRecordingsMadeLaterInsideIt() {
    UUID channel = channelWithPolicy("PT2S");
    Instant now = Instant.now();
    place(
            investigatorToken(),
            Map.of(
                "caseRef",
                "Polisanmälan 5000-K1-26",
                "reason",
                "POLICE_REPORT",
                "criteria",
                Map.of(
                    "channelId",
                    channel,
                    "from",
                    now.minus(1, ChronoUnit.HOURS).toString(),
                    "to",
                    now.plus(1, ChronoUnit.HOURS).toString())))
        .statusCode(201);
    Made later = withContent(channel, audio("window", 10));
    waitUntilPast(later.deleteAfter());
    job.run();
    assertTrue(keyExists(later.id()));
    assertTrue(blobExists(later.id()));
  }

  @Test
  void placingAHoldWhileDisposalRunsNeverShredsAHeldRecording() throws Exception {
    // Many due recordings, a hold on one of them placed while the job runs: either the hold
    // came first and the recording survives, or the job came first and the hold says so.
    UUID channel = channelWithPolicy("PT2S");
    Made target = withContent(channel, audio("race", 10));
    for (int i = 0; i < 5; i++) {
      withContent(channel, audio("race-" + i, 10));
    }
    waitUntilPast(target.deleteAfter().plusSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<?> disposal =
          pool.submit(
              () -> {
                go.await();
                return job.run();
              });
      Future<io.restassured.response.Response> hold =
          pool.submit(
              () -> {
                go.await();
                return given()
                    .auth()
                    .oauth2(investigatorToken())
                    .contentType(ContentType.JSON)
                    .body(
                        Map.of(
                            "caseRef",
                            "KS 2026/400",
                            "reason",
                            "APPEAL",
                            "criteria",
                            Map.of("recordingIds", List.of(target.id()))))
                    .post("/api/v1/legal-holds");
              });
      go.countDown();
      disposal.get();
      io.restassured.response.Response placed = hold.get();
      assertEquals(201, placed.statusCode());
      List<String> covered = placed.path("covered");
      List<String> alreadyDisposed = placed.path("alreadyDisposed");
      if (covered.contains(target.id().toString())) {
        job.run();
        assertTrue(keyExists(target.id()), "held before the job reached it: never shredded");
      } else {
        assertTrue(alreadyDisposed.contains(target.id().toString()));
        assertFalse(keyExists(target.id()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aReleaseReasonLongerThanTheColumnIsA400NotA500() {
    Made made = started(channelWithPolicy("P90D"));
    String investigator = investigatorToken();
    String hold =
        place(
                investigator,
                Map.of(
                    "caseRef",
                    "KS 2026/77",
                    "reason",
                    "APPEAL",
                    "criteria",
                    Map.of("recordingIds", List.of(made.id()))))
            .statusCode(201)
            .extract()
            .path("id");
    String second = investigatorToken();
    given()
        .auth()
        .oauth2(second)
        .queryParam("reason", "x".repeat(2001))
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("reason"));
    given()
        .auth()
        .oauth2(second)
        .queryParam("reason", "x".repeat(2000))
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(200);
  }

  @Test
  void releasingTakesAReasonAndASecondPersonR46() {
    Made made = started(channelWithPolicy("P90D"));
    String investigator = investigatorToken();
    String hold =
        place(
                investigator,
                Map.of(
                    "caseRef",
                    "KS 2026/88",
                    "reason",
                    "APPEAL",
                    "criteria",
                    Map.of("recordingIds", List.of(made.id()))))
            .statusCode(201)
            .extract()
            .path("id");
    String second = investigatorToken();
    given()
        .auth()
        .oauth2(second)
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("reason"));
    given()
        .auth()
        .oauth2(second)
        .queryParam("reason", " ")
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(investigator)
        .queryParam("reason", "Appeal withdrawn")
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("R46"));
    given()
        .auth()
        .oauth2(Tokens.user("admin-" + UUID.randomUUID(), "recording-admin"))
        .queryParam("reason", "Appeal withdrawn")
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(403);
    assertEquals(List.of("legalhold.placed"), Fixtures.eventTypes("legal-hold/" + hold));
    given()
        .auth()
        .oauth2(second)
        .queryParam("reason", "Appeal withdrawn")
        .delete("/api/v1/legal-holds/" + hold)
        .then()
        .statusCode(200)
        .body("placedBy", equalTo(subject(investigator)))
        .body("releasedBy", equalTo(subject(second)));
  }

  @Test
  void holdRules() {
    Map<String, Object> body =
        Map.of(
            "caseRef",
            "KS 2026/1",
            "reason",
            "INCIDENT",
            "criteria",
            Map.of("recordingIds", List.of(UUID.randomUUID())));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/legal-holds")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("dpo-" + UUID.randomUUID(), "dpo"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/legal-holds")
        .then()
        .statusCode(403);
    place(investigatorToken(), body)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("criteria.recordingIds[0]"));
    place(
            investigatorToken(),
            Map.of("caseRef", "KS 2026/1", "reason", "INCIDENT", "criteria", Map.of()))
        .statusCode(400)
        .contentType("application/problem+json");
    place(
            investigatorToken(),
            Map.of(
                "caseRef",
                "KS 2026/1",
                "reason",
                "NOT_A_REASON",
                "criteria",
                Map.of("recordingIds", List.of(UUID.randomUUID()))))
        .statusCode(400);
    given()
        .auth()
        .oauth2(investigatorToken())
        .queryParam("reason", "Case closed")
        .delete("/api/v1/legal-holds/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  private static io.restassured.response.ValidatableResponse place(
      String token, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/legal-holds")
        .then();
  }

  private static String subject(String token) {
    String payload = token.split("\\.")[1];
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(java.util.Base64.getUrlDecoder().decode(payload))
          .path("sub")
          .asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean keyExists(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> keys.findByIdOptional(id).isPresent());
  }
}
