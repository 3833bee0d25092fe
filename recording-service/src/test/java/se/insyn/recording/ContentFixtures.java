package se.insyn.recording;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import se.insyn.devstack.test.Tokens;

/** Recordings with content, made through the API. */
public final class ContentFixtures {

  /** Where the test profile keeps the filesystem blob store. */
  public static final Path BLOB_DIR = Path.of("target/test-blobs");

  private ContentFixtures() {}

  /** A started recording on the channel; its policy decides the retention. */
  public record Made(UUID id, UUID channelId, Instant deleteAfter) {}

  /** A fresh channel with an active policy of the given retention and purpose. */
  public static UUID channelWithPolicy(String retention, String purpose, String secrecyClass) {
    UUID channel = Fixtures.channel(null, secrecyClass);
    Map<String, Object> draft = Fixtures.validDraft(channel);
    Fixtures.part(draft, "disposal").put("retention", retention);
    draft.put("purpose", purpose);
    Fixtures.activePolicy(draft);
    return channel;
  }

  public static UUID channelWithPolicy(String retention) {
    return channelWithPolicy(retention, "THREAT_DOCUMENTATION", null);
  }

  /** A permitted recording whose capture has started. */
  public static Made started(UUID channel) {
    var response =
        Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract();
    UUID id = UUID.fromString(response.path("id"));
    String deleteAfter = response.path("deleteAfter");
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(200);
    return new Made(id, channel, deleteAfter == null ? null : Instant.parse(deleteAfter));
  }

  public static void stop(UUID id) {
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + id + "/stop")
        .then()
        .statusCode(200);
  }

  public static void upload(UUID id, byte[] content) {
    put(id, "audio/wav", content).statusCode(201);
  }

  /** The platform's {@code PUT …/content} of the body with the content type, answered. */
  public static ValidatableResponse put(UUID id, String contentType, byte[] body) {
    return given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType(contentType)
        .body(body)
        .put("/api/v1/recordings/" + id + "/content")
        .then();
  }

  /** The content facts of a recording, as an administrator sees them (200). */
  public static ValidatableResponse facts(UUID id) {
    return given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + id + "/content")
        .then()
        .statusCode(200);
  }

  /** A recording of the given retention, started, stopped and with content. */
  public static Made withContent(UUID channel, byte[] content) {
    Made made = started(channel);
    stop(made.id());
    upload(made.id(), content);
    return made;
  }

  /** Bytes that look like audio with a marker that must never be found on disk. */
  public static byte[] audio(String marker, int repeats) {
    StringBuilder sb = new StringBuilder("RIFF....WAVEfmt ");
    for (int i = 0; i < repeats; i++) {
      sb.append(marker).append(' ').append(i).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Sleeps until the instant has passed (waiting for a retention, not measuring speed). */
  public static void waitUntilPast(Instant instant) {
    while (!Instant.now().isAfter(instant)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public static boolean blobExists(UUID id) {
    return Files.exists(BLOB_DIR.resolve("recordings").resolve(id.toString()));
  }

  /** Whether any file under the blob directory contains the marker. */
  public static boolean anyBlobContains(byte[] marker) throws IOException {
    if (!Files.exists(BLOB_DIR)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(BLOB_DIR)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(f), marker) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  public static String reviewerToken(String subject) {
    return Tokens.user(subject, "reviewer");
  }

  public static String investigatorToken() {
    return Tokens.user("investigator-" + UUID.randomUUID(), "investigator");
  }
}
