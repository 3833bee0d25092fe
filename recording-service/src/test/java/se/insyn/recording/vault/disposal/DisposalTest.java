package se.insyn.recording.vault.disposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.ContentFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.disposal.service.DisposalJob;

@QuarkusTest
class DisposalTest {

  @Inject DisposalJob job;
  @Inject ContentKeyRepository keys;

  @Test
  void afterItsRetentionContentIsShreddedDeletedAndAnswers410WithTheReceipt() throws Exception {
    byte[] audio = audio("dispose-" + UUID.randomUUID(), 100);
    Made made = withContent(channelWithPolicy("PT2S"), audio);
    assertTrue(keyExists(made.id()));
    waitUntilPast(made.deleteAfter());

    job.run();

    assertFalse(keyExists(made.id()), "the wrapped data key row is gone");
    assertFalse(blobExists(made.id()), "the bytes are gone");
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("receipt.recordingId", equalTo(made.id().toString()))
        .body("receipt.contentHash", equalTo(sha256))
        .body("receipt.executor", equalTo("system"))
        .body("receipt.disposalDecision.registryNumber", equalTo("KS 2026/112"));
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(410)
        .body("receipt.contentHash", equalTo(sha256));

    List<OutboxEvent> receipts = receipts(made.id());
    assertEquals(1, receipts.size());
    JsonNode receipt = Fixtures.data(receipts.get(0));
    assertEquals(sha256, receipt.path("contentHash").asText());
    assertEquals("Kommunstyrelsen", receipt.path("disposalDecision").path("body").asText());
    assertNotNull(receipt.path("disposedAt").asText(null));
    assertEquals(
        "system",
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(receipts.get(0).payload)
            .path("actor")
            .path("subject")
            .asText());

    // Idempotent: another run changes nothing and writes no second receipt.
    job.run();
    assertEquals(1, receipts(made.id()).size());
  }

  @Test
  void notYetDueIsKept() {
    Made made = withContent(channelWithPolicy("P90D"), audio("kept", 10));
    job.run();
    assertTrue(keyExists(made.id()));
    assertTrue(blobExists(made.id()));
    assertEquals(0, receipts(made.id()).size());
  }

  @Test
  void aCrashBetweenKeyDestructionAndByteDeletionIsFinishedByTheNextRun() {
    Made made = withContent(channelWithPolicy("PT2S"), audio("crash", 10));
    waitUntilPast(made.deleteAfter());

    // The first step of a run commits, then the process dies before deleting any bytes.
    List<UUID> shredded = QuarkusTransaction.requiringNew().call(() -> job.shredDue(Instant.now()));
    assertTrue(shredded.contains(made.id()));
    assertFalse(keyExists(made.id()));
    assertTrue(blobExists(made.id()), "the bytes outlived the crash");
    assertEquals(0, receipts(made.id()).size());

    DisposalJob.Run next = job.run();

    assertTrue(next.resumed() >= 1);
    assertFalse(blobExists(made.id()));
    assertEquals(1, receipts(made.id()).size());
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(410);
  }

  @Test
  void aRecordingWithoutContentIsDisposedOfToo() {
    UUID channel = channelWithPolicy("PT2S");
    Made made = started(channel);
    stop(made.id());
    waitUntilPast(made.deleteAfter());
    job.run();
    List<OutboxEvent> receipts = receipts(made.id());
    assertEquals(1, receipts.size());
    assertNull(Fixtures.data(receipts.get(0)).path("contentHash").textValue());
  }

  private boolean keyExists(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> keys.findByIdOptional(id).isPresent());
  }

  static List<OutboxEvent> receipts(UUID id) {
    return Fixtures.events("recording/" + id).stream()
        .filter(e -> e.type.equals("recording.disposed"))
        .toList();
  }
}
