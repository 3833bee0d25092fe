package se.insyn.audit.log.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogRepository;

/**
 * Group commit without a database: a writer that records the groups it is given stands in for the
 * transaction. What matters here is who gets which answer, and when.
 */
class GroupCommitTest {

  @Test
  void batchesQueuedDuringAWriteAreWrittenTogetherAndEachGetsItsOwnAnswer() throws Exception {
    HoldingWriter writer = new HoldingWriter();
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<AppendResult> first = pool.submit(() -> commit.append(rows(1)));
      assertTrue(writer.firstWriteStarted.await(10, TimeUnit.SECONDS));
      List<Future<AppendResult>> queued = new ArrayList<>();
      for (int i = 2; i <= 5; i++) {
        int size = i;
        queued.add(pool.submit(() -> commit.append(rows(size))));
      }
      // The four requests wait behind the running write; none is answered before it commits.
      while (commit.queued() < 4) {
        Thread.sleep(5);
      }
      queued.forEach(f -> assertTrue(!f.isDone(), "answered before its batch was written"));
      writer.releaseFirstWrite.countDown();

      assertEquals(1, first.get(10, TimeUnit.SECONDS).accepted());
      for (int i = 0; i < 4; i++) {
        assertEquals(i + 2, queued.get(i).get(10, TimeUnit.SECONDS).accepted());
      }
      assertEquals(2, writer.groups.size(), "one write for the first batch, one for the rest");
      assertEquals(4, writer.groups.get(1).size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenAGroupFailsItsBatchesAreRetriedAloneAndOnlyTheCulpritFails() throws Exception {
    UUID poison = UUID.randomUUID();
    IllegalStateException boom = new IllegalStateException("storage refused the row");
    HoldingWriter writer =
        new HoldingWriter() {
          @Override
          void during(List<Batch> group) throws InterruptedException {
            super.during(group);
            if (group.stream().anyMatch(b -> b.rows().get(0).id().equals(poison))) {
              throw boom;
            }
          }
        };
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<AppendResult> first = pool.submit(() -> commit.append(rows(1)));
      assertTrue(writer.firstWriteStarted.await(10, TimeUnit.SECONDS));
      Future<AppendResult> good = pool.submit(() -> commit.append(rows(2)));
      while (commit.queued() < 1) {
        Thread.sleep(5);
      }
      List<LeafRow> poisoned = new ArrayList<>(rows(3));
      poisoned.set(0, row(poison));
      Future<AppendResult> bad = pool.submit(() -> commit.append(poisoned));
      while (commit.queued() < 2) {
        Thread.sleep(5);
      }
      writer.releaseFirstWrite.countDown();

      assertEquals(1, first.get(10, TimeUnit.SECONDS).accepted());
      assertEquals(2, good.get(10, TimeUnit.SECONDS).accepted());
      var thrown =
          assertThrows(
              java.util.concurrent.ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
      assertSame(boom, thrown.getCause());
      // first alone; {good, bad} together (fails); then good alone, bad alone (fails).
      assertEquals(List.of(1, 2, 1, 1), writer.groups.stream().map(List::size).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyConcurrentCallersAreEachAnsweredExactlyOnceWithTheirOwnBatch() throws Exception {
    RecordingWriter writer = new RecordingWriter();
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    int callers = 16;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        results.add(
            pool.submit(
                () -> {
                  List<Integer> sizes = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    sizes.add(commit.append(rows(1 + (caller + i) % 7)).accepted());
                  }
                  return sizes;
                }));
      }
      for (int c = 0; c < callers; c++) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          expected.add(1 + (c + i) % 7);
        }
        assertEquals(expected, results.get(c).get(60, TimeUnit.SECONDS));
      }
      Set<UUID> written = new HashSet<>();
      int batches = 0;
      for (List<LogWriter.Batch> group : writer.groups) {
        batches += group.size();
        for (LogWriter.Batch batch : group) {
          batch.rows().forEach(r -> assertTrue(written.add(r.id()), "a batch written twice"));
        }
      }
      assertEquals(callers * each, batches);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGroupWithAStoredEventIsWrittenAgainWithTheLookUpAndCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Boolean> lookUps = Collections.synchronizedList(new ArrayList<>());
    RecordingWriter writer =
        new RecordingWriter() {
          @Override
          public List<Outcome> appendAll(List<Batch> group, boolean lookUp) {
            lookUps.add(lookUp);
            if (!lookUp) {
              throw new LogRepository.AlreadyStored("audit_event_id_key", null);
            }
            return List.of(new Outcome(new AppendResult(0, 1, 7), null));
          }
        };
    GroupCommit commit = new GroupCommit(writer, registry, Duration.ofHours(1));

    AppendResult result = commit.append(rows(1));

    assertEquals(1, result.duplicates());
    assertEquals(List.of(false, true), lookUps);
    assertEquals(1, registry.counter("insyn.audit.append.rewritten").count());

    // Right after a second write, the next group is written with the look-up at once.
    commit.append(rows(1));
    assertEquals(List.of(false, true, true), lookUps);
    assertEquals(1, registry.counter("insyn.audit.append.rewritten").count());
  }

  @Test
  void aWhileAfterASecondWriteGroupsAreTakenToBeNewAgain() throws Exception {
    List<Boolean> lookUps = Collections.synchronizedList(new ArrayList<>());
    boolean[] stored = {true};
    RecordingWriter writer =
        new RecordingWriter() {
          @Override
          public List<Outcome> appendAll(List<Batch> group, boolean lookUp) {
            lookUps.add(lookUp);
            if (!lookUp && stored[0]) {
              throw new LogRepository.AlreadyStored("audit_event_source_sequence", null);
            }
            return List.of(new Outcome(new AppendResult(1, 0, 7), null));
          }
        };
    Duration window = Duration.ofMillis(50);
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry(), window);
    commit.append(rows(1));
    stored[0] = false;
    Thread.sleep(window.toMillis() + 20);

    assertEquals(1, commit.append(rows(1)).accepted());
    assertEquals(List.of(false, true, false), lookUps);
  }

  /** Accepts every batch whole and remembers the groups; subclasses act during a write. */
  private static class RecordingWriter extends LogWriter {

    final List<List<Batch>> groups = Collections.synchronizedList(new ArrayList<>());

    RecordingWriter() {
      super(null, null);
    }

    void during(List<Batch> group) throws InterruptedException {}

    @Override
    public List<Outcome> appendAll(List<Batch> group, boolean lookUp) {
      groups.add(List.copyOf(group));
      try {
        during(group);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return group.stream()
          .map(b -> new Outcome(new AppendResult(b.rows().size(), 0, 0), null))
          .toList();
    }
  }

  /** Holds the first write until released, so that the batches sent meanwhile queue up. */
  private static class HoldingWriter extends RecordingWriter {

    final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirstWrite = new CountDownLatch(1);

    @Override
    void during(List<Batch> group) throws InterruptedException {
      if (groups.size() == 1) {
        firstWriteStarted.countDown();
        releaseFirstWrite.await();
      }
    }
  }

  private static List<LeafRow> rows(int n) {
    List<LeafRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row(UUID.randomUUID()));
    }
    return rows;
  }

  private static LeafRow row(UUID id) {
    return new LeafRow(
        "events[0]",
        id,
        "test",
        null,
        "test.event",
        Instant.now(),
        "system",
        "test/" + id,
        null,
        null,
        "{\"id\":\"" + id + "\"}");
  }
}
