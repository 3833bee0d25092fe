package se.insyn.recording.vault.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static se.insyn.recording.ContentFixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.RecordingRepository;

/**
 * The seal is made at finalisation and breaks only on tampering (R32, issue 20 item 2): nothing the
 * lifecycle does after an upload makes an intact recording read as tampered, while a changed byte
 * in the blob or a changed metadata column does.
 */
@QuarkusTest
class SealTest {

  @Inject RecordingRepository recordings;

  @Test
  void stopTransferAndKillSwitchAfterAnUploadLeaveTheSealIntact() {
    UUID channel = channelWithPolicy("P90D");
    Made made = withContent(channel, audio("lifecycle", 50));
    facts(made.id()).body("sealIntact", equalTo(true));

    // Nothing may change a recording whose content is sealed: it has stopped.
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + made.id() + "/stop")
        .then()
        .statusCode(409);
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", Fixtures.channel()))
        .post("/api/v1/recordings/" + made.id() + "/transfer")
        .then()
        .statusCode(409);
    given()
        .auth()
        .oauth2(Tokens.user("dpo-" + UUID.randomUUID(), "dpo"))
        .contentType(ContentType.JSON)
        .body(Map.of("channelIds", List.of(channel), "reason", "Seal test"))
        .post("/api/v1/kill-switch")
        .then()
        .statusCode(201);

    facts(made.id()).body("sealIntact", equalTo(true)).body("state", equalTo("SEALED"));
  }

  @Test
  void aFlippedByteInTheBlobBreaksTheSeal() throws Exception {
    Made made = withContent(channelWithPolicy("P90D"), audio("blob", 2_000));
    facts(made.id()).body("sealIntact", equalTo(true));

    Path blob = BLOB_DIR.resolve("recordings").resolve(made.id().toString());
    byte[] stored = Files.readAllBytes(blob);
    stored[stored.length / 2] ^= 0x01;
    Files.write(blob, stored);

    facts(made.id()).body("sealIntact", equalTo(false));
  }

  @Test
  void anEditedMetadataColumnBreaksTheSeal() {
    Made made = withContent(channelWithPolicy("P90D"), audio("column", 10));
    facts(made.id()).body("sealIntact", equalTo(true));

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                recordings
                    .getEntityManager()
                    .createNativeQuery(
                        "update recording set stopped_at = stopped_at + interval '1 second'"
                            + " where id = :id")
                    .setParameter("id", made.id())
                    .executeUpdate());

    facts(made.id()).body("sealIntact", equalTo(false));
  }
}
