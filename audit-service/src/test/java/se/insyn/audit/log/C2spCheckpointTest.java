package se.insyn.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import se.insyn.audit.log.note.CheckpointBody;
import se.insyn.audit.log.note.SignedNote;
import se.insyn.audit.log.service.BulletinPublisher;
import se.insyn.audit.log.service.CheckpointNotes;
import se.insyn.audit.log.service.VerifyCommand;
import se.insyn.audit.log.witness.Witness;
import se.insyn.devstack.test.Tokens;

/**
 * Issue 22 item 6 (R58): checkpoints as C2SP signed notes, checked by {@link SpecNote} (the specs
 * read independently of the service's code); the bulletin; and a witness that cosigns a good log
 * and refuses a forked one.
 */
@QuarkusTest
class C2spCheckpointTest {

  private static final Logger LOG = Logger.getLogger(C2spCheckpointTest.class);
  private static final String SOURCE = "recording-service";
  private static final String ORIGIN = "insyn.example/audit-log";
  private static final String NOTE = "/api/v1/log/checkpoint.note";

  /** The witness configured for tests (%test.insyn.audit.witness.keys); a test-only key. */
  private static final String WITNESS = "witness.insyn.test/w1";

  private static final String WITNESS_VKEY =
      "witness.insyn.test/w1+a029dfb5+BLeGJM+78Urgf6NmRx1E8OkHhJuWfu4TFim1stENxCT+";
  private static final String WITNESS_KEY =
      "-----BEGIN PRIVATE KEY-----\n"
          + "MC4CAQAwBQYDK2VwBCIEIK0nWK8HDNG7k/wIGLBu7HcSnkqlZOg2CY8qcCez+dKg\n"
          + "-----END PRIVATE KEY-----\n";

  @Inject CheckpointNotes notes;
  @Inject BulletinPublisher publisher;
  @Inject MeterRegistry registry;

  @Test
  void theKeyIdIsTheSpecsHashOnTheGoReferenceVector() throws Exception {
    // golang.org/x/mod/sumdb/note's test key and signed note, the reference the spec grew from.
    String vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    String note =
        "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n\n"
            + "\u2014 PeterNeumann"
            + " x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    SpecNote.Vkey key = SpecNote.vkey(vkey);
    assertEquals("c74f20a3", HexFormat.of().formatHex(SpecNote.keyId(key.name(), 1, key.key())));
    assertTrue(SpecNote.signedBy(SpecNote.parse(note), key));

    SignedNote.VerifierKey parsed = SignedNote.VerifierKey.parse(vkey);
    assertEquals(vkey, parsed.encoded());
    assertEquals("c74f20a3", HexFormat.of().formatHex(parsed.keyId()));
    SignedNote.Parsed mine = SignedNote.parse(note).orElseThrow();
    assertTrue(
        parsed.verifies(
            mine.text().getBytes(StandardCharsets.UTF_8), mine.signatures().get(0).signature()));
    assertTrue(SignedNote.parse(note.replace("problem,", "problem;")).isPresent());
    assertFalse(
        parsed.verifies(
            note.replace("problem,", "problem;").getBytes(StandardCharsets.UTF_8),
            mine.signatures().get(0).signature()));
  }

  @Test
  void theServedNoteIsAC2spCheckpointOfTheSignedTreeHead() throws Exception {
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    String witness = Tokens.client("witness-1", "witness");
    JsonPath key =
        given()
            .auth()
            .oauth2(witness)
            .get("/api/v1/log/public-key")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    SpecNote.Vkey vkey = SpecNote.vkey(key.getString("noteVerifierKey"));
    byte[] spki = Base64.getDecoder().decode(key.getString("publicKey"));
    assertArrayEquals(
        java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length),
        vkey.key(),
        "the note key is the checkpoint key");
    assertArrayEquals(SpecNote.keyId(ORIGIN, 1, vkey.key()), vkey.keyId());

    String note =
        given()
            .auth()
            .oauth2(witness)
            .get(NOTE)
            .then()
            .statusCode(200)
            .contentType(containsString("text/plain"))
            .extract()
            .asString();
    LOG.infof("Served checkpoint note:%n%s", note);
    SpecNote.Note parsed = SpecNote.parse(note);
    assertTrue(SpecNote.signedBy(parsed, vkey), note);
    String[] lines = parsed.checkpoint();
    assertEquals(ORIGIN, lines[0]);
    long size = Long.parseLong(lines[1]);
    JsonPath json =
        given()
            .auth()
            .oauth2(witness)
            .get("/api/v1/log/checkpoint")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(size <= json.getLong("treeSize"));
    String ofSize =
        given()
            .auth()
            .oauth2(witness)
            .get("/api/v1/log/checkpoints/" + json.getLong("treeSize"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(
        Base64.getEncoder().encodeToString(HexFormat.of().parseHex(json.getString("rootHash"))),
        SpecNote.parse(ofSize).checkpoint()[2]);

    SpecNote.Note forged =
        new SpecNote.Note(
            parsed.text().replace("\n" + size + "\n", "\n" + (size + 1) + "\n"),
            parsed.signatures());
    assertFalse(SpecNote.signedBy(forged, vkey), "a changed size does not verify");
  }

  @Test
  void aWitnessCosignsAGoodLogAndTheLogServesTheCosignature() throws Exception {
    Path dir = Files.createTempDirectory("bulletin");
    Path state = dir.resolveSibling(dir.getFileName() + "-witness-state");
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    assertEquals(BulletinPublisher.Outcome.PUBLISHED, publisher.publishTo(dir));
    assertEquals(0, witness(dir, state).code(), "first sight: trusted");

    append(
        SOURCE,
        event(SOURCE, "recording.stopped", "recording/" + UUID.randomUUID()),
        event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    assertEquals(BulletinPublisher.Outcome.PUBLISHED, publisher.publishTo(dir));
    Run second = witness(dir, state);
    assertEquals(0, second.code(), second.err());
    LOG.infof("Witness cosignature line: %s", second.out());

    SpecNote.Note published = SpecNote.parse(Files.readString(dir.resolve("checkpoint")));
    long size = Long.parseLong(published.checkpoint()[1]);
    assertTrue(Files.exists(dir.resolve("checkpoints").resolve(Long.toString(size))));
    String cosigned =
        given()
            .auth()
            .oauth2(Tokens.user("auditor-1", "auditor"))
            .get("/api/v1/log/checkpoints/" + size)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    LOG.infof("Cosigned checkpoint note:%n%s", cosigned);
    SpecNote.Note note = SpecNote.parse(cosigned);
    assertTrue(cosigned.contains(second.out().strip()), cosigned);
    assertTrue(SpecNote.cosignedBy(note, SpecNote.vkey(WITNESS_VKEY)), cosigned);
    assertTrue(SpecNote.signedBy(note, SpecNote.vkey(notes.logKey().encoded())), cosigned);
  }

  @Test
  void aWitnessRefusesAForkedCheckpoint() throws Exception {
    Path dir = Files.createTempDirectory("bulletin");
    Path state = dir.resolveSibling(dir.getFileName() + "-witness-state");
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    publisher.publishTo(dir);
    assertEquals(0, witness(dir, state).code());
    String seen = Files.readString(state);

    append(SOURCE, event(SOURCE, "recording.stopped", "recording/" + UUID.randomUUID()));
    long size = notes.verified(notes.latest()).orElseThrow().treeSize();
    byte[] otherRoot = new byte[32];
    new SecureRandom().nextBytes(otherRoot);
    writeSigned(dir, CheckpointBody.of(ORIGIN, size, otherRoot));

    Run forked = witness(dir, state);
    LOG.infof("Witness on a forked log: %s", forked.err());
    assertEquals(Witness.FORKED, forked.code(), forked.err());
    assertTrue(forked.err().startsWith("FORK: "), forked.err());
    assertTrue(forked.err().contains("the log has forked"), forked.err());
    assertEquals("", forked.out());
    assertEquals(seen, Files.readString(state), "nothing new was accepted");

    long seenSize = notes.verified(seen).orElseThrow().treeSize();
    writeSigned(dir, CheckpointBody.of(ORIGIN, seenSize, otherRoot));
    Run sameSize = witness(dir, state);
    assertEquals(Witness.FORKED, sameSize.code(), sameSize.err());
  }

  @Test
  void theBulletinRefusesACheckpointInconsistentWithThePublishedOne() throws Exception {
    Path dir = Files.createTempDirectory("bulletin");
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    byte[] otherRoot = new byte[32];
    new SecureRandom().nextBytes(otherRoot);
    String forged = writeSigned(dir, CheckpointBody.of(ORIGIN, 1, otherRoot));
    double before = registry.counter("insyn.audit.bulletin.inconsistent").count();

    assertEquals(BulletinPublisher.Outcome.INCONSISTENT, publisher.publishTo(dir));
    assertEquals(forged, Files.readString(dir.resolve("checkpoint")), "nothing published");
    assertEquals(before + 1, registry.counter("insyn.audit.bulletin.inconsistent").count());
  }

  @Test
  void aCosignatureFromAnUnknownKeyOrThatDoesNotVerifyIsRefused() throws Exception {
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    CheckpointBody body = notes.verified(notes.latest()).orElseThrow();
    String witness = Tokens.client("witness-1", "witness");
    byte[] rogue = new byte[32];
    new SecureRandom().nextBytes(rogue);
    String unknown =
        new SignedNote.Signature(
                "witness.insyn.test/rogue",
                SignedNote.keyId("witness.insyn.test/rogue", SignedNote.COSIGNATURE_V1, rogue),
                new byte[72])
            .line();
    String badSignature =
        new SignedNote.Signature(
                WITNESS, SignedNote.VerifierKey.parse(WITNESS_VKEY).keyId(), new byte[72])
            .line();
    for (String line : List.of(unknown, badSignature, "not a signature line\n")) {
      given()
          .auth()
          .oauth2(witness)
          .contentType("text/plain")
          .body(line)
          .post("/api/v1/log/checkpoints/" + body.treeSize() + "/cosignatures")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations[0].field", org.hamcrest.Matchers.equalTo("cosignature"));
    }
  }

  @Test
  void witnessesReadCheckpointsProofsAndLeafHashesButNoContent() {
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    String witness = Tokens.client("witness-1", "witness");
    for (String path :
        List.of(
            NOTE,
            "/api/v1/log/checkpoint",
            "/api/v1/log/checkpoints/1",
            "/api/v1/log/public-key",
            "/api/v1/log/proofs/consistency?from=1&to=1",
            "/api/v1/log/proofs/inclusion?leafIndex=0&treeSize=1",
            "/api/v1/log/leaf-hashes?start=0&end=1")) {
      given().auth().oauth2(witness).get(path).then().statusCode(200);
      given().get(path).then().statusCode(401).contentType("application/problem+json");
      given()
          .auth()
          .oauth2(Tokens.client(SOURCE, "audit-writer"))
          .get(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(witness)
        .get("/api/v1/log/leaf-hashes?start=0&end=1")
        .then()
        .body("leafHashes[0].leafHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
    for (String content :
        List.of(
            "/api/v1/log/entries?start=0&end=1&purpose=INTERNAL_CONTROL&caseRef=T-1",
            "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=T-1")) {
      given().auth().oauth2(witness).get(content).then().statusCode(403);
    }
    String cosign = "/api/v1/log/checkpoints/1/cosignatures";
    given().contentType("text/plain").body("x").post(cosign).then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .contentType("text/plain")
        .body("x")
        .post(cosign)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void theWitnessCommandExplainsItsUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code =
        VerifyCommand.witness(
            List.of("--log-key", WITNESS_VKEY),
            "token",
            sink,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(VerifyCommand.USAGE, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: witness"));
  }

  private record Run(int code, String out, String err) {}

  private Run witness(Path bulletin, Path state) throws Exception {
    Path key = Files.createTempFile("witness", ".pem");
    Files.writeString(key, WITNESS_KEY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VerifyCommand.witness(
            List.of(
                "--log-key",
                notes.logKey().encoded(),
                "--log-url",
                baseUrl(),
                "--bulletin",
                bulletin.toString(),
                "--state",
                state.toString(),
                "--name",
                WITNESS,
                "--key",
                key.toString()),
            Tokens.client("witness-1", "witness"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A checkpoint signed with the log's own key, as a compromised or forking log would. */
  private String writeSigned(Path dir, CheckpointBody body) throws Exception {
    String note = SignedNote.format(body.text(), List.of(notes.sign(body)));
    Files.writeString(dir.resolve("checkpoint"), note);
    return note;
  }

  private static String baseUrl() {
    return URI.create("http://localhost:" + RestAssured.port).toString();
  }
}
