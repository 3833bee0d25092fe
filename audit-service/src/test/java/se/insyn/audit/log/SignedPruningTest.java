package se.insyn.audit.log;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.insyn.audit.TestDatabase;
import se.insyn.audit.log.service.RetentionService;
import se.insyn.audit.log.service.VerifyCommand;
import se.insyn.devstack.test.Tokens;

/**
 * R49: a pruning is an event of the log, so a signed checkpoint states its boundary and the
 * verifier rejects a boundary moved in the database; and the log keeps a recording's trail while
 * the recording is kept, plus the investigation window.
 */
@QuarkusTest
class SignedPruningTest {

  private static final String SOURCE = "pruning-test-emitter";

  @Inject RetentionService retention;
  @Inject VerifyCommand command;
  @Inject DataSource dataSource;

  @Test
  void aPruningIsLoggedAndABoundaryMovedInTheDatabaseFailsVerification() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    append(SOURCE, event(SOURCE, "test.old", "x/" + UUID.randomUUID()));
    Map<String, Object> kept = event(SOURCE, "test.kept", "x/" + UUID.randomUUID());
    append(SOURCE, kept);
    long keptIndex = leafIndexOf((String) kept.get("id"));

    assertEquals(keptIndex, retention.pruneBelow(keptIndex));

    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get(
            "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=AU-9&type=audit.pruned&from="
                + before
                + "&to="
                + Instant.now().plusSeconds(1))
        .then()
        .statusCode(200)
        .body("events[-1].source", equalTo("audit-service"))
        .body("events[-1].actor.subject", equalTo("system"))
        .body("events[-1].subject", equalTo("audit/log"))
        .body("events[-1].data.prunedBelow", equalTo((int) keptIndex))
        .body("events[-1].data.keptForRecordings", equalTo(false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(VerifyCommand.INTACT, command.run(new PrintStream(out, true)), out::toString);

    execute("update log_head set pruned_below = pruned_below + 1 where id = 1");
    try {
      out.reset();
      assertEquals(VerifyCommand.TAMPERED, command.run(new PrintStream(out, true)));
      String report = out.toString(StandardCharsets.UTF_8);
      assertTrue(report.contains("pruned-boundary-unsigned"), report);
    } finally {
      execute("update log_head set pruned_below = pruned_below - 1 where id = 1");
    }
    out.reset();
    assertEquals(VerifyCommand.INTACT, command.run(new PrintStream(out, true)), out::toString);
  }

  @Test
  void theTrailOfARecordingNotYetDisposedOfIsNotPruned() throws Exception {
    String recording = "recording/" + UUID.randomUUID();
    Map<String, Object> started =
        event(
            "recording-service",
            "recording.started",
            recording,
            Instant.now().minus(1, ChronoUnit.DAYS),
            Map.of("note", "x"));
    append("recording-service", started);
    append(SOURCE, event(SOURCE, "test.later", "x/" + UUID.randomUUID()));
    long index = leafIndexOf((String) started.get("id"));

    long boundary = retention.pruneOlderThan(Instant.now().plusSeconds(1));

    assertTrue(boundary <= index, "pruned below " + boundary + ", past the recording at " + index);
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get(
            "/api/v1/log/entries?purpose=INTERNAL_CONTROL&caseRef=AU-9&start="
                + index
                + "&end="
                + (index + 1))
        .then()
        .statusCode(200)
        .body("entries[0].leafIndex", equalTo((int) index));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(VerifyCommand.INTACT, command.run(new PrintStream(out, true)), out::toString);
  }

  private long leafIndexOf(String eventId) throws Exception {
    return TestDatabase.leafIndexOf(dataSource, eventId);
  }

  private void execute(String statement) throws Exception {
    TestDatabase.execute(dataSource, statement);
  }
}
