package se.insyn.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.log.service.RetentionService;
import se.insyn.devstack.test.Tokens;

/** Pruning a prefix of the log keeps every later entry provable. */
@QuarkusTest
class RetentionTest {

  private static final String SOURCE = "retention-test-emitter";
  private static final HexFormat HEX = HexFormat.of();

  @Inject RetentionService retention;
  @Inject AuditConfig config;

  @Test
  void retentionIsOffByDefaultAndKeepsTenYears() {
    assertFalse(config.retention().enabled());
    assertEquals(3650, config.retention().period().toDays());
  }

  @Test
  void afterPruningLaterEntriesStillProveAgainstTheSignedCheckpoint() {
    append(
        SOURCE,
        event(SOURCE, "test.old", "x/" + UUID.randomUUID()),
        event(SOURCE, "test.old", "x/" + UUID.randomUUID()));
    Map<String, Object> kept = event(SOURCE, "test.kept", "x/" + UUID.randomUUID());
    append(SOURCE, kept, event(SOURCE, "test.kept", "x/" + UUID.randomUUID()));
    String auditor = Tokens.user("auditor-1", "auditor");
    long keptIndex =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/events/" + kept.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("leafIndex");
    JsonPath atBoundary = checkpoint(auditor);

    assertEquals(keptIndex, retention.pruneBelow(keptIndex));
    assertEquals(keptIndex, retention.pruneOlderThan(Instant.EPOCH), "nothing is older than 1970");

    append(SOURCE, event(SOURCE, "test.later", "x/" + UUID.randomUUID()));
    JsonPath now = checkpoint(auditor);
    long size = now.getLong("treeSize");
    String entry =
        given()
            .auth()
            .oauth2(auditor)
            .get(
                "/api/v1/log/entries?purpose=SUPERVISORY_REQUEST&caseRef=T-1&start="
                    + keptIndex
                    + "&end="
                    + (keptIndex + 1))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("entries[0].leafInput");
    byte[] leafInput = java.util.Base64.getDecoder().decode(entry);
    assertTrue(new String(leafInput, StandardCharsets.UTF_8).contains(kept.get("id").toString()));
    List<byte[]> path =
        hashes(
            given()
                .auth()
                .oauth2(auditor)
                .get("/api/v1/log/proofs/inclusion?leafIndex=" + keptIndex + "&treeSize=" + size)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
    assertTrue(
        RfcVerifier.verifyInclusion(
            keptIndex,
            size,
            RfcVerifier.leafHash(leafInput),
            path,
            HEX.parseHex(now.getString("rootHash"))));
    long from = atBoundary.getLong("treeSize");
    List<byte[]> consistency =
        hashes(
            given()
                .auth()
                .oauth2(auditor)
                .get("/api/v1/log/proofs/consistency?from=" + from + "&to=" + size)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
    assertTrue(
        RfcVerifier.verifyConsistency(
            from,
            size,
            HEX.parseHex(atBoundary.getString("rootHash")),
            HEX.parseHex(now.getString("rootHash")),
            consistency));

    given()
        .auth()
        .oauth2(auditor)
        .get("/api/v1/log/proofs/inclusion?leafIndex=0&treeSize=" + size)
        .then()
        .statusCode(410)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(auditor)
        .get("/api/v1/log/entries?purpose=SUPERVISORY_REQUEST&caseRef=T-1&start=0&end=1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("start"));
    given()
        .auth()
        .oauth2(auditor)
        .post("/api/v1/log/verify")
        .then()
        .statusCode(200)
        .body("consistent", equalTo(true))
        .body("checkedFrom", equalTo((int) keptIndex));
  }

  private static JsonPath checkpoint(String token) {
    return given()
        .auth()
        .oauth2(token)
        .get("/api/v1/log/checkpoint")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<byte[]> hashes(JsonPath proof) {
    return proof.getList("hashes", String.class).stream().map(HEX::parseHex).toList();
  }
}
