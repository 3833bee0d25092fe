package se.insyn.audit.log.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.insyn.audit.event.service.CanonicalEvent;
import se.insyn.audit.event.service.EventInput;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogRepository;

/**
 * Writing a group behind another against the real database: its rows count only if the log ends
 * where it was planned to, and otherwise nothing of it stays.
 */
@QuarkusTest
class AppendBehindTest {

  @Inject LogWriter writer;
  @Inject LogService log;
  @Inject LogRepository repository;
  @Inject VerifyService verify;
  @Inject DataSource dataSource;

  @Test
  void behindTheCurrentEndTheGroupIsAppendedSignedAndConsistent() {
    log.append(rows(2));
    Appended appended = behind(current(), rows(3));
    LogRepository.HeadWithEdge after = repository.headWithEdge();
    assertEquals(appended.plan.treeSize(), after.head().treeSize());
    assertEquals(appended.before.treeSize() + 3, after.head().treeSize());
    assertEquals(3, appended.outcomes.get(0).result().accepted());
    assertEquals(3, repository.existingIds(appended.ids).size());
    assertEquals(after.head().treeSize(), repository.latestCheckpoint().orElseThrow().treeSize());
    VerifyReport report = verify.verify();
    assertTrue(report.consistent(), () -> "the log no longer verifies: " + report.findings());
  }

  @Test
  void behindAPlanTheLogHasMovedPastNothingIsStored() {
    log.append(rows(1));
    LogWriter.Plan stale = current();
    log.append(rows(1));
    long size = repository.head().treeSize();
    List<LeafRow> rows = rows(4);

    // The rows collide with those appended since, at the same leaf indices.
    assertThrows(
        RuntimeException.class,
        () -> writer.appendBehind(stale, List.of(LogWriter.Batch.of(rows)), p -> {}, () -> true));

    assertEquals(size, repository.head().treeSize());
    assertEquals(Set.of(), repository.existingIds(rows.stream().map(LeafRow::id).toList()));
    assertTrue(verify.verify().consistent());
  }

  @Test
  void whenTheGroupBeforeDidNotCommitNothingIsStored() {
    log.append(rows(1));
    LogWriter.Plan plan = current();
    List<LeafRow> rows = rows(2);

    assertThrows(
        LogWriter.NotAsPlanned.class,
        () -> writer.appendBehind(plan, List.of(LogWriter.Batch.of(rows)), p -> {}, () -> false));

    assertEquals(plan.treeSize(), repository.head().treeSize());
    assertEquals(Set.of(), repository.existingIds(rows.stream().map(LeafRow::id).toList()));
  }

  @Test
  void whileSomethingElseHoldsTheHeadTheGroupGivesUpInsteadOfWaiting() throws Exception {
    log.append(rows(1));
    LogWriter.Plan plan = current();
    List<LeafRow> rows = rows(2);
    try (Connection other = dataSource.getConnection();
        Statement s = other.createStatement()) {
      // What another replica's append or the retention job does: hold the head row lock.
      other.setAutoCommit(false);
      s.executeQuery("select tree_size from log_head where id = 1 for update").close();
      long t0 = System.nanoTime();
      assertThrows(
          RuntimeException.class,
          () -> writer.appendBehind(plan, List.of(LogWriter.Batch.of(rows)), p -> {}, () -> true));
      assertTrue(
          System.nanoTime() - t0 < 10_000_000_000L, "waited for the lock instead of giving up");
      other.rollback();
    }
    assertEquals(plan.treeSize(), repository.head().treeSize());
    assertEquals(Set.of(), repository.existingIds(rows.stream().map(LeafRow::id).toList()));
  }

  private record Appended(
      LogWriter.Plan before,
      LogWriter.Plan plan,
      List<LogWriter.Outcome> outcomes,
      List<UUID> ids) {}

  private Appended behind(LogWriter.Plan base, List<LeafRow> rows) {
    List<LogWriter.Plan> planned = new ArrayList<>();
    List<LogWriter.Outcome> outcomes =
        writer.appendBehind(base, List.of(LogWriter.Batch.of(rows)), planned::add, () -> true);
    return new Appended(base, planned.get(0), outcomes, rows.stream().map(LeafRow::id).toList());
  }

  /** The log's end as an append that has committed would have planned it. */
  private LogWriter.Plan current() {
    LogRepository.HeadWithEdge head = repository.headWithEdge();
    return LogWriter.Plan.first(head.head().treeSize(), head.edge(), Set.of(), Set.of());
  }

  private static List<LeafRow> rows(int n) {
    List<LeafRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      rows.add(
          CanonicalEvent.of(
              "events[" + i + "]",
              new EventInput(
                  id,
                  "append-behind-test",
                  null,
                  "test.behind",
                  Instant.now(),
                  new EventInput.Actor("system", null),
                  "test/" + id,
                  null,
                  null,
                  null,
                  null)));
    }
    return rows;
  }
}
