package se.insyn.recording.vault.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.ContentFixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.content.repository.ContentKey;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;

@QuarkusTest
class ContentTest {

  @Inject ContentKeyRepository keys;
  @Inject RecordingRepository recordings;

  @Test
  void nothingReadableIsWrittenToDiskAndTheHashIsSealedToTheMetadata() throws Exception {
    String marker = "PLAINTEXT-MARKER-" + UUID.randomUUID();
    byte[] audio = audio(marker, 20_000); // about 1 MB: many chunks
    Made made = withContent(channelWithPolicy("P90D"), audio);

    assertTrue(blobExists(made.id()));
    assertFalse(anyBlobContains(marker.getBytes(StandardCharsets.UTF_8)));

    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(200)
        .body("sha256", equalTo(sha256))
        .body("size", equalTo(audio.length))
        .body("contentType", startsWith("audio/wav"))
        .body("state", equalTo("SEALED"))
        .body("sealIntact", equalTo(true));

    // The data key is stored only wrapped, and names the KEK that wrapped it.
    ContentKey key = QuarkusTransaction.requiringNew().call(() -> keys.findById(made.id()));
    assertEquals("local-dev", key.kekId);
    assertEquals(12 + 32 + 16, key.wrappedKey.length);

    List<OutboxEvent> sealed =
        Fixtures.events("recording/" + made.id()).stream()
            .filter(e -> e.type.equals("recording.content.sealed"))
            .toList();
    assertEquals(1, sealed.size());
    assertEquals(sha256, Fixtures.data(sealed.get(0)).path("sha256").asText());
  }

  @Test
  void changingSealedMetadataBreaksTheSeal() {
    Made made = withContent(channelWithPolicy("P90D"), audio("seal", 10));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Recording r = recordings.findById(made.id());
              r.noticeVersion = "some-other-notice";
            });
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(200)
        .body("sealIntact", equalTo(false));
  }

  @Test
  void aLargeUploadStreamsThrough() throws Exception {
    Made made = started(channelWithPolicy("P90D"));
    stop(made.id());
    long size = 24L * 1024 * 1024; // beyond the default 10 MB body limit
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(new Pattern(size, digest))
        .put("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(201)
        .body("size", equalTo((int) size))
        .body("sha256", equalTo(HexFormat.of().formatHex(digest.digest())));
  }

  @Test
  void uploadRules() {
    UUID channel = channelWithPolicy("P90D");
    byte[] audio = audio("rules", 10);
    // Not started yet: nothing may be captured (R20).
    String notStarted =
        Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/recordings/" + notStarted + "/content")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    Made made = started(channel);
    // Still running: the seal is made at finalisation, over the final metadata (R32).
    put(made.id(), "audio/wav", audio)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("R32"));
    stop(made.id());
    given()
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("rev-" + UUID.randomUUID(), "reviewer"))
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/recordings/" + UUID.randomUUID() + "/content")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    upload(made.id(), audio);
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(audio)
        .put("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void contentFactsAreForMetadataRolesOnly() {
    Made made = withContent(channelWithPolicy("P90D"), audio("facts", 10));
    given()
        .auth()
        .oauth2(Tokens.user("it-" + UUID.randomUUID(), "it-operator"))
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(200)
        .body("state", equalTo("SEALED"));
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .get("/api/v1/recordings/" + made.id() + "/content")
        .then()
        .statusCode(403);
    given().get("/api/v1/recordings/" + made.id() + "/content").then().statusCode(401);
  }

  /** A generated body of the given size; digests what it hands out. */
  private static final class Pattern extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long sent;

    Pattern(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (sent == size) {
        return -1;
      }
      int n = (int) Math.min(len, size - sent);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((sent + i) * 31 % 251);
      }
      digest.update(b, off, n);
      sent += n;
      return n;
    }
  }
}
