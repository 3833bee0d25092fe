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
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;

/**
 * The log as an outside verifier sees it: checkpoint, key, entries and proofs, checked with {@link
 * RfcVerifier} and the JDK's Ed25519 only; and tamper detection against edits made in PostgreSQL.
 */
@QuarkusTest
class LogApiTest {

  private static final String SOURCE = "recording-service";
  private static final HexFormat HEX = HexFormat.of();

  @Inject DataSource dataSource;

  @Test
  void everyLogEndpointRefusesAServiceAccount() {
    String writer = Tokens.client(SOURCE, "audit-writer");
    for (String path :
        List.of(
            "/api/v1/log/checkpoint",
            "/api/v1/log/public-key",
            "/api/v1/log/entries?start=0&end=1",
            "/api/v1/log/proofs/inclusion?leafIndex=0&treeSize=1",
            "/api/v1/log/proofs/consistency?from=1&to=1")) {
      given().auth().oauth2(writer).when().get(path).then().statusCode(403);
    }
    given().auth().oauth2(writer).when().post("/api/v1/log/verify").then().statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.user("inv-1", "investigator"))
        .when()
        .post("/api/v1/log/verify")
        .then()
        .statusCode(403);
  }

  @Test
  void anOutsideVerifierCanConfirmCheckpointEntriesAndProofs() throws Exception {
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    JsonPath before = checkpoint();
    Map<String, Object> mine = event(SOURCE, "recording.stopped", "recording/" + UUID.randomUUID());
    append(SOURCE, mine, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    JsonPath after = checkpoint();

    String auditor = Tokens.user("auditor-1", "auditor");
    JsonPath key =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/log/public-key")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(after.getString("keyId"), key.getString("keyId"));
    assertTrue(signatureVerifies(after, key.getString("publicKey")), "checkpoint signature");
    JsonPath forged =
        JsonPath.from(
            after
                .prettify()
                .replace(
                    "\"treeSize\": " + after.getLong("treeSize"),
                    "\"treeSize\": " + (after.getLong("treeSize") + 1)));
    assertFalse(signatureVerifies(forged, key.getString("publicKey")), "a changed size");

    long leafIndex =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/events/" + mine.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("leafIndex");
    JsonPath entries =
        given()
            .auth()
            .oauth2(auditor)
            .get(
                "/api/v1/log/entries?purpose=SUPERVISORY_REQUEST&caseRef=T-1&start="
                    + leafIndex
                    + "&end="
                    + (leafIndex + 1))
            .then()
            .statusCode(200)
            .body("entries[0].leafIndex", equalTo((int) leafIndex))
            .extract()
            .jsonPath();
    byte[] leafInput = Base64.getDecoder().decode(entries.getString("entries[0].leafInput"));
    assertTrue(new String(leafInput, StandardCharsets.UTF_8).contains(mine.get("id").toString()));

    long size = after.getLong("treeSize");
    JsonPath inclusion =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/log/proofs/inclusion?leafIndex=" + leafIndex + "&treeSize=" + size)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(
        RfcVerifier.verifyInclusion(
            leafIndex,
            size,
            RfcVerifier.leafHash(leafInput),
            hashes(inclusion),
            HEX.parseHex(after.getString("rootHash"))),
        "inclusion proof");

    long old = before.getLong("treeSize");
    JsonPath consistency =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/log/proofs/consistency?from=" + old + "&to=" + size)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(
        RfcVerifier.verifyConsistency(
            old,
            size,
            HEX.parseHex(before.getString("rootHash")),
            HEX.parseHex(after.getString("rootHash")),
            hashes(consistency)),
        "consistency proof");
  }

  @Test
  void badProofParametersAreNamed() {
    String auditor = Tokens.user("auditor-1", "auditor");
    given()
        .auth()
        .oauth2(auditor)
        .get("/api/v1/log/proofs/inclusion?leafIndex=x&treeSize=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("leafIndex"))
        .body("violations.field", hasItem("treeSize"));
    given()
        .auth()
        .oauth2(auditor)
        .get("/api/v1/log/proofs/inclusion?leafIndex=0&treeSize=999999999999")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("treeSize"));
    given()
        .auth()
        .oauth2(auditor)
        .get("/api/v1/log/proofs/consistency?from=0&to=1")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("from"));
  }

  @Test
  void editingARowInPostgresIsReportedWithItsIndex() throws Exception {
    Map<String, Object> victim =
        event(SOURCE, "recording.accessed", "recording/" + UUID.randomUUID());
    append(SOURCE, victim);
    String auditor = Tokens.user("auditor-1", "auditor");
    long index =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/events/" + victim.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
            .then()
            .extract()
            .jsonPath()
            .getLong("leafIndex");
    verify().body("consistent", equalTo(true));

    String original = sql("select leaf_input from audit_event where leaf_index = " + index);
    String edited = original.replace("recording.accessed", "recording.started");
    try {
      update("update audit_event set leaf_input = ? where leaf_index = ?", edited, index);
      verify()
          .body("consistent", equalTo(false))
          .body(
              "findings.find { it.problem == 'leaf-hash-mismatch' }.leafIndex",
              equalTo((int) index))
          .body(
              "findings.find { it.problem == 'columns-mismatch' }.leafIndex", equalTo((int) index));
      update("update audit_event set leaf_input = ? where leaf_index = ?", original, index);
      update("update audit_event set type = 'recording.started' where leaf_index = ?", null, index);
      verify()
          .body("consistent", equalTo(false))
          .body("findings.problem", equalTo(List.of("columns-mismatch")))
          .body("findings[0].leafIndex", equalTo((int) index));
    } finally {
      update(
          "update audit_event set leaf_input = ?, type = 'recording.accessed'"
              + " where leaf_index = ?",
          original,
          index);
    }
    verify().body("consistent", equalTo(true));
  }

  @Test
  void aDeletedRowIsReportedAsAGapAndTheCheckpointsAsBroken() throws Exception {
    Map<String, Object> victim =
        event(SOURCE, "recording.accessed", "recording/" + UUID.randomUUID());
    append(SOURCE, victim, event(SOURCE, "recording.stopped", "recording/" + UUID.randomUUID()));
    String auditor = Tokens.user("auditor-1", "auditor");
    long index =
        given()
            .auth()
            .oauth2(auditor)
            .get("/api/v1/events/" + victim.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
            .then()
            .extract()
            .jsonPath()
            .getLong("leafIndex");
    String table = "removed_" + index;
    execute("create table " + table + " as select * from audit_event where leaf_index = " + index);
    execute("delete from audit_event where leaf_index = " + index);
    try {
      verify()
          .body("consistent", equalTo(false))
          .body("findings.find { it.problem == 'missing' }.leafIndex", equalTo((int) index))
          .body("findings.problem", hasItem("checkpoint-root-mismatch"));
    } finally {
      execute("insert into audit_event select * from " + table);
      execute("drop table " + table);
    }
    verify().body("consistent", equalTo(true));
  }

  @Test
  void withoutAStoredEdgeAnAppendBuildsOnTheStoredSubtreeHashes() throws Exception {
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    // As right after the migration that added the column.
    execute("update log_head set edge = null where id = 1");
    append(
        SOURCE,
        event(SOURCE, "recording.stopped", "recording/" + UUID.randomUUID()),
        event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    // The checkpoint just signed must be the root of the stored leaves, and the edge is back.
    verify().body("consistent", equalTo(true));
    assertEquals("true", sql("select (length(edge) > 0)::text from log_head where id = 1"));
  }

  @Test
  void anEditedTreeEdgeBesideTheHeadIsReported() throws Exception {
    append(SOURCE, event(SOURCE, "recording.started", "recording/" + UUID.randomUUID()));
    verify().body("consistent", equalTo(true));
    execute("create table saved_edge as select edge from log_head where id = 1");
    try {
      // Flip one bit of the first stored subtree hash: the next append would build on it.
      execute("update log_head set edge = set_byte(edge, 0, get_byte(edge, 0) # 1) where id = 1");
      verify()
          .body("consistent", equalTo(false))
          .body("findings.problem", equalTo(List.of("head-edge-mismatch")));
    } finally {
      execute("update log_head set edge = (select edge from saved_edge) where id = 1");
      execute("drop table saved_edge");
    }
    verify().body("consistent", equalTo(true));
  }

  private io.restassured.response.ValidatableResponse verify() {
    return given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .post("/api/v1/log/verify")
        .then()
        .statusCode(200);
  }

  private static JsonPath checkpoint() {
    return given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/log/checkpoint")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The documented signed byte string, rebuilt here from the checkpoint's fields. */
  private static boolean signatureVerifies(JsonPath checkpoint, String publicKey) throws Exception {
    String signed =
        "insyn-audit-checkpoint/v1\n"
            + checkpoint.getLong("treeSize")
            + "\n"
            + checkpoint.getString("rootHash")
            + "\n"
            + checkpoint.getString("timestamp")
            + "\n";
    PublicKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(key);
    ed.update(signed.getBytes(StandardCharsets.UTF_8));
    return ed.verify(Base64.getDecoder().decode(checkpoint.getString("signature")));
  }

  private static List<byte[]> hashes(JsonPath proof) {
    return proof.getList("hashes", String.class).stream().map(HEX::parseHex).toList();
  }

  private String sql(String query) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(query);
        var rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void execute(String statement) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      s.execute();
    }
  }

  private void update(String statement, String text, long index) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      int i = 1;
      if (text != null) {
        s.setString(i++, text);
      }
      s.setLong(i, index);
      s.executeUpdate();
    }
  }
}
