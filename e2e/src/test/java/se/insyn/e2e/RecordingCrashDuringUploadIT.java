package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.ServiceProcess;
import se.insyn.devstack.SuiteService;

/**
 * The recording-service killed with SIGKILL in the middle of an upload: nothing readable was ever
 * on disk, and after the restart the recording keeps no data key and no partial bytes and is marked
 * UPLOAD_FAILED, so the platform can upload it again (R32, R44).
 */
@ExtendWith(FaultSuite.Extension.class)
@DisplayName(
    "Fel: recording-service dödas mitt i en uppladdning — inget läsbart, ingen nyckel kvar")
class RecordingCrashDuringUploadIT {

  private static final byte[] MARKER =
      "INSYN-PLAINTEXT-MARKER-the-caller-said-something-private;".getBytes(StandardCharsets.UTF_8);
  private static final long KILL_AFTER_BYTES = 24L * 1024 * 1024;

  @Test
  void aKilledUploadLeavesNoPlaintextNoKeyAndAFailedRecording(FaultSuite f) throws Exception {
    Narration story = Narration.of("recording-service killed during an upload");
    InsynClient api = f.api;
    String admin = f.user("rec-admin-5", "recording-admin");
    String channel = api.channel(admin, "Receptionen");
    api.approvedPolicy(
        admin,
        f.user("approver-5", "policy-approver"),
        InsynClient.threatPolicy(channel, null, "PT24H"));
    String pbx = f.pbx();
    String id = api.mayIRecord(pbx, channel, InsynClient.phoneNumber(), "ON_DEMAND").path("id");
    given()
        .auth()
        .oauth2(pbx)
        .post(api.recording + "/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(200);
    // Content is uploaded once the recording has stopped: the seal covers its final metadata (R32).
    given()
        .auth()
        .oauth2(pbx)
        .post(api.recording + "/api/v1/recordings/" + id + "/stop")
        .then()
        .statusCode(200);
    story.step("recording %s permitted, started and stopped", id);

    ServiceProcess recording = f.suite.service(SuiteService.RECORDING);
    // After the restart an upload begun over a second ago cannot be in progress any more.
    recording.configure("insyn.recording.disposal.stuck-upload-after", "PT1S");
    AtomicLong sent = new AtomicLong();
    CompletableFuture<HttpResponse<String>> upload =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(
                        URI.create(api.recording + "/api/v1/recordings/" + id + "/content"))
                    .header("Authorization", "Bearer " + pbx)
                    .header("Content-Type", "audio/wav")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> endless(sent)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Eventually.within(Duration.ofMinutes(1), sent::get, n -> n >= KILL_AFTER_BYTES);
    recording.kill();
    story.step("SIGKILL after %d MiB of the upload had been sent", sent.get() >> 20);
    assertTrue(upload.handle((r, e) -> e != null || r.statusCode() >= 400).get());

    Path blobs = f.suite.workDirectory().resolve("recordings");
    assertFalse(containsMarker(blobs), "no plaintext on disk after the crash");
    story.step("no file in the blob directory contains the plaintext marker");
    story.step(
        "before the restart: %d data key row(s), %d blob file(s) for the recording",
        keyRows(f, id), blobFiles(blobs, id));

    recording.start();
    story.step("recording-service started again");
    String state =
        Eventually.within(
            Duration.ofSeconds(60),
            () ->
                given()
                    .auth()
                    .oauth2(admin)
                    .get(api.recording + "/api/v1/recordings/" + id + "/content")
                    .then()
                    .extract()
                    .<String>path("state"),
            "UPLOAD_FAILED"::equals);
    assertEquals("UPLOAD_FAILED", state);
    assertEquals(0, keyRows(f, id), "no orphaned data key");
    assertEquals(0, blobFiles(blobs, id), "no partial blob");
    assertFalse(containsMarker(blobs), "still no plaintext on disk");
    story.done("the recording is UPLOAD_FAILED, with no data key and no partial bytes left");
  }

  /** An endless body that repeats the marker, counting what the client has read. */
  private static InputStream endless(AtomicLong sent) {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        byte b = MARKER[(int) (position++ % MARKER.length)];
        sent.incrementAndGet();
        return b & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
          buffer[offset + i] = MARKER[(int) (position++ % MARKER.length)];
        }
        sent.addAndGet(length);
        return length;
      }
    };
  }

  private static boolean containsMarker(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return false;
    }
    byte[] needle =
        new String(MARKER, 0, 32, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (indexOf(bytes, needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long blobFiles(Path dir, String id) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().contains(id)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of the recording's wrapped data key, read from the recording-service's own database. */
  private static int keyRows(FaultSuite f, String id) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                f.suite.postgres().jdbcUrl("recording"), "recording", "recording");
        PreparedStatement s =
            c.prepareStatement("select count(*) from content_key where content_id = ?::uuid")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
