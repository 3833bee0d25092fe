package se.insyn.recording.vault.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.recording.ContentFixtures;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.content.repository.ContentKey;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.service.UploadRecovery;

/**
 * An upload whose process was killed (SIGKILL during {@code PUT …/content}) leaves the recording
 * UPLOADING with a data key and a partial file. The state is made here as the kill leaves it; the
 * recovery must destroy both and mark the recording UPLOAD_FAILED, after which it can be uploaded
 * again.
 */
@QuarkusTest
class UploadRecoveryTest {

  @Inject UploadRecovery recovery;
  @Inject RecordingRepository recordings;
  @Inject ContentKeyRepository keys;

  @Test
  void anUploadInterruptedLongAgoLosesItsKeyAndPartialBytesAndCanBeUploadedAgain()
      throws Exception {
    ContentFixtures.Made made = ContentFixtures.started(ContentFixtures.channelWithPolicy("P90D"));
    ContentFixtures.stop(made.id());
    Path partial = interrupted(made.id(), Duration.ofMinutes(11));

    assertTrue(recovery.recover(Instant.now()) >= 1);

    assertFalse(Files.exists(partial));
    assertFalse(ContentFixtures.blobExists(made.id()));
    assertTrue(
        QuarkusTransaction.requiringNew().call(() -> keys.findByIdOptional(made.id())).isEmpty());
    Recording r = QuarkusTransaction.requiringNew().call(() -> recordings.findById(made.id()));
    assertEquals(Recording.ContentState.UPLOAD_FAILED, r.contentState);
    assertEquals(
        "recording.content.upload-failed",
        Fixtures.eventTypes("recording/" + made.id())
            .get(Fixtures.eventTypes("recording/" + made.id()).size() - 1));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(200)
        .body("state", equalTo("UPLOAD_FAILED"));

    byte[] audio = ContentFixtures.audio("again", 100);
    ContentFixtures.upload(made.id(), audio);
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(200)
        .body("state", equalTo("SEALED"))
        .body("size", equalTo(audio.length));
  }

  @Test
  void anUploadThatMayStillBeRunningIsLeftAlone() throws Exception {
    ContentFixtures.Made made = ContentFixtures.started(ContentFixtures.channelWithPolicy("P90D"));
    Path partial = interrupted(made.id(), Duration.ofMinutes(1));

    recovery.recover(Instant.now());

    assertTrue(Files.exists(partial));
    assertTrue(
        QuarkusTransaction.requiringNew().call(() -> keys.findByIdOptional(made.id())).isPresent());
    Recording r = QuarkusTransaction.requiringNew().call(() -> recordings.findById(made.id()));
    assertEquals(Recording.ContentState.UPLOADING, r.contentState);
    // A second upload meanwhile is refused: one is (as far as anyone can tell) in progress.
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(ContentFixtures.audio("second", 10))
        .put("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(409);
  }

  /** The state a SIGKILL during an upload leaves: UPLOADING, a data key, a partial file. */
  private Path interrupted(UUID id, Duration ago) throws Exception {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Recording r = recordings.findById(id);
              r.contentState = Recording.ContentState.UPLOADING;
              r.contentType = "audio/wav";
              r.uploadStartedAt = Instant.now().minus(ago);
              ContentKey key = new ContentKey();
              key.contentId = id;
              key.kekId = "local-dev";
              key.wrappedKey = new byte[60];
              key.createdAt = r.uploadStartedAt;
              keys.persist(key);
            });
    Path dir = ContentFixtures.BLOB_DIR.resolve("recordings");
    Files.createDirectories(dir);
    Path partial = dir.resolve(id + "." + UUID.randomUUID() + ".part");
    Files.write(partial, new byte[] {1, 2, 3, 4});
    return partial;
  }
}
