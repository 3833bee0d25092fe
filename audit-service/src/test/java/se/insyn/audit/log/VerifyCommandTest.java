package se.insyn.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.insyn.audit.TestDatabase;
import se.insyn.audit.log.service.VerifyCommand;

/** The tamper check as the CronJob command runs it: JSON on stdout and an exit code. */
@QuarkusTest
class VerifyCommandTest {

  private static final String SOURCE = "consent-service";

  @Inject VerifyCommand command;
  @Inject DataSource dataSource;

  @Test
  void anIntactLogExitsZeroAndAnEditedRowExitsOneNamingItsIndex() throws Exception {
    Map<String, Object> victim = event(SOURCE, "consent.given", "consent/" + UUID.randomUUID());
    append(SOURCE, victim);
    long index = leafIndexOf((String) victim.get("id"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(VerifyCommand.INTACT, command.run(new PrintStream(out, true)));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("\"consistent\" : true"), out::toString);

    execute("update audit_event set type = 'consent.refused' where leaf_index = " + index);
    try {
      out.reset();
      assertEquals(VerifyCommand.TAMPERED, command.run(new PrintStream(out, true)));
      String report = out.toString(StandardCharsets.UTF_8);
      assertTrue(report.contains("\"consistent\" : false"), report);
      assertTrue(report.contains("\"leafIndex\" : " + index), report);
    } finally {
      execute("update audit_event set type = 'consent.given' where leaf_index = " + index);
    }
    out.reset();
    assertEquals(VerifyCommand.INTACT, command.run(new PrintStream(out, true)));
  }

  private long leafIndexOf(String eventId) throws Exception {
    return TestDatabase.leafIndexOf(dataSource, eventId);
  }

  private void execute(String statement) throws Exception {
    TestDatabase.execute(dataSource, statement);
  }
}
