package se.insyn.audit.log.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import se.insyn.audit.log.repository.LeafRow;

/**
 * Group commit without a database: a writer that records the groups it is given stands in for the
 * transaction. What matters here is who gets which answer, and when.
 */
class GroupCommitTest {

  @Test
  void batchesQueuedWhileEverySlotIsTakenAreWrittenTogetherAndEachGetsItsOwnAnswer()
      throws Exception {
    HoldingWriter writer = new HoldingWriter(true);
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(GroupCommit.MAX_IN_FLIGHT + 4);
    try {
      Future<AppendResult> first = pool.submit(() -> commit.append(rows(1)));
      assertTrue(writer.firstWriteStarted.await(10, TimeUnit.SECONDS));
      // The next groups are written behind the first, which has not committed yet.
      List<Future<AppendResult>> behind = new ArrayList<>();
      for (int i = 2; i <= GroupCommit.MAX_IN_FLIGHT; i++) {
        behind.add(pool.submit(() -> commit.append(rows(2))));
        while (writer.groups.size() < i) {
          Thread.sleep(5);
        }
      }
      List<Future<AppendResult>> queued = new ArrayList<>();
      for (int i = 3; i <= 6; i++) {
        int size = i;
        queued.add(pool.submit(() -> commit.append(rows(size))));
      }
      // Every slot is taken: the four requests wait, and none is answered before it commits.
      while (commit.queued() < 4) {
        Thread.sleep(5);
      }
      Thread.sleep(50);
      behind.forEach(f -> assertTrue(!f.isDone(), "answered before the group before committed"));
      queued.forEach(f -> assertTrue(!f.isDone(), "answered before its batch was written"));
      writer.releaseFirstWrite.countDown();
      assertEquals(1, first.get(10, TimeUnit.SECONDS).accepted());
      // The first has ended; the four queued batches are written together behind the last.
      while (writer.groups.size() < GroupCommit.MAX_IN_FLIGHT + 1) {
        Thread.sleep(5);
      }
      writer.releaseSecondWrite.countDown();

      for (Future<AppendResult> f : behind) {
        assertEquals(2, f.get(10, TimeUnit.SECONDS).accepted());
      }
      for (int i = 0; i < 4; i++) {
        assertEquals(i + 3, queued.get(i).get(10, TimeUnit.SECONDS).accepted());
      }
      List<Integer> sizes = new ArrayList<>(List.of(1));
      List<String> ways = new ArrayList<>(List.of("in order"));
      for (int i = 2; i <= GroupCommit.MAX_IN_FLIGHT + 1; i++) {
        sizes.add(i <= GroupCommit.MAX_IN_FLIGHT ? 1 : 4);
        ways.add("behind");
      }
      assertEquals(sizes, writer.groups.stream().map(List::size).toList());
      assertEquals(ways, writer.ways, "each group behind the one before");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenAGroupFailsItsBatchesAreRetriedAloneAndOnlyTheCulpritFails() throws Exception {
    UUID poison = UUID.randomUUID();
    IllegalStateException boom = new IllegalStateException("storage refused the row");
    HoldingWriter writer =
        new HoldingWriter(true) {
          @Override
          void during(List<Batch> group) throws InterruptedException {
            super.during(group);
            if (group.stream().anyMatch(b -> b.rows().get(0).id().equals(poison))) {
              throw boom;
            }
          }
        };
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(GroupCommit.MAX_IN_FLIGHT + 2);
    try {
      Future<AppendResult> first = pool.submit(() -> commit.append(rows(1)));
      assertTrue(writer.firstWriteStarted.await(10, TimeUnit.SECONDS));
      List<Future<AppendResult>> behind = new ArrayList<>();
      for (int i = 2; i <= GroupCommit.MAX_IN_FLIGHT; i++) {
        behind.add(pool.submit(() -> commit.append(rows(1))));
        while (writer.groups.size() < i) {
          Thread.sleep(5);
        }
      }
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
      while (writer.groups.size() < GroupCommit.MAX_IN_FLIGHT + 1) {
        Thread.sleep(5);
      }
      writer.releaseSecondWrite.countDown();

      assertEquals(1, first.get(10, TimeUnit.SECONDS).accepted());
      for (Future<AppendResult> f : behind) {
        assertEquals(1, f.get(10, TimeUnit.SECONDS).accepted());
      }
      assertEquals(2, good.get(10, TimeUnit.SECONDS).accepted());
      var thrown =
          assertThrows(
              java.util.concurrent.ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
      assertSame(boom, thrown.getCause());
      // first; the ones behind it; {good, bad} behind those (fails), then in order (fails);
      // then good alone, bad alone (fails).
      List<Integer> sizes = new ArrayList<>(List.of(1));
      List<String> ways = new ArrayList<>(List.of("in order"));
      for (int i = 2; i <= GroupCommit.MAX_IN_FLIGHT; i++) {
        sizes.add(1);
        ways.add("behind");
      }
      sizes.addAll(List.of(2, 2, 1, 1));
      ways.addAll(List.of("behind", "in order", "in order", "in order"));
      assertEquals(sizes, writer.groups.stream().map(List::size).toList());
      assertEquals(ways, writer.ways);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGroupWrittenBehindOneThatFailsIsWrittenAgainOnceThatOneHasEnded() throws Exception {
    UUID poison = UUID.randomUUID();
    IllegalStateException boom = new IllegalStateException("storage refused the row");
    HoldingWriter writer =
        new HoldingWriter() {
          @Override
          void during(List<Batch> group) throws InterruptedException {
            super.during(group);
            if (group.get(0).rows().get(0).id().equals(poison)) {
              throw boom;
            }
          }
        };
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<AppendResult> bad = pool.submit(() -> commit.append(List.of(row(poison))));
      assertTrue(writer.firstWriteStarted.await(10, TimeUnit.SECONDS));
      Future<AppendResult> behind = pool.submit(() -> commit.append(rows(3)));
      while (writer.groups.size() < 2) {
        Thread.sleep(5);
      }
      writer.releaseFirstWrite.countDown();

      var thrown =
          assertThrows(
              java.util.concurrent.ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
      assertSame(boom, thrown.getCause());
      assertEquals(3, behind.get(10, TimeUnit.SECONDS).accepted());
      // The group behind found that the one before did not commit; it was written again alone.
      assertEquals(List.of(1, 1, 1), writer.groups.stream().map(List::size).toList());
      assertEquals(List.of("in order", "behind", "in order"), writer.ways);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ownEventsTakeTheirTurnAmongTheGroups() throws Exception {
    HoldingWriter writer = new HoldingWriter();
    GroupCommit commit = new GroupCommit(writer, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<AppendResult> first = pool.submit(() -> commit.append(rows(1)));
      assertTrue(writer.firstWriteStarted.await(10, TimeUnit.SECONDS));
      Future<Long> own = pool.submit(() -> commit.appendOwn("audit-service", writer::own));
      Thread.sleep(50);
      assertTrue(!own.isDone(), "an own event written before the group before it ended");
      writer.releaseFirstWrite.countDown();
      assertEquals(1, first.get(10, TimeUnit.SECONDS).accepted());
      assertEquals(7L, own.get(10, TimeUnit.SECONDS));
      assertEquals(List.of("in order", "own"), writer.ways);
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

  /**
   * Accepts every batch whole and remembers the groups and how each was written ("in order",
   * "behind", "own"); subclasses act during a write. A group written behind another is accepted
   * only if that one committed.
   */
  private static class RecordingWriter extends LogWriter {

    final List<List<Batch>> groups = Collections.synchronizedList(new ArrayList<>());
    final List<String> ways = Collections.synchronizedList(new ArrayList<>());

    RecordingWriter() {
      super(null, null);
    }

    void during(List<Batch> group) throws InterruptedException {}

    @Override
    public List<Outcome> appendAll(List<Batch> group, Consumer<Plan> planned) {
      return record("in order", group, planned);
    }

    @Override
    public List<Outcome> appendBehind(
        Plan base, List<Batch> group, Consumer<Plan> planned, BooleanSupplier baseCommitted) {
      List<Outcome> outcomes = record("behind", group, planned);
      if (!baseCommitted.getAsBoolean()) {
        throw new NotAsPlanned("the group before did not commit");
      }
      return outcomes;
    }

    @Override
    public long appendOwn(String source, LongFunction<LeafRow> withSequence) {
      ways.add("own");
      return withSequence.apply(7).sequence();
    }

    LeafRow own(long sequence) {
      LeafRow row = row(UUID.randomUUID());
      return new LeafRow(
          row.field(),
          row.id(),
          "audit-service",
          sequence,
          row.type(),
          row.occurredAt(),
          row.actorSubject(),
          row.subject(),
          null,
          null,
          row.leafInput());
    }

    private List<Outcome> record(String way, List<Batch> group, Consumer<Plan> planned) {
      groups.add(List.copyOf(group));
      ways.add(way);
      planned.accept(Plan.first(groups.size(), new byte[0], Set.of(), Set.of()));
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

  /**
   * Holds the first write (and the second, if asked) until released, so that the batches sent
   * meanwhile queue up.
   */
  private static class HoldingWriter extends RecordingWriter {

    final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirstWrite = new CountDownLatch(1);
    final CountDownLatch releaseSecondWrite;

    HoldingWriter() {
      this(false);
    }

    HoldingWriter(boolean holdSecond) {
      releaseSecondWrite = new CountDownLatch(holdSecond ? 1 : 0);
    }

    @Override
    void during(List<Batch> group) throws InterruptedException {
      int n = groups.indexOf(group) + 1;
      if (n == 1) {
        firstWriteStarted.countDown();
        releaseFirstWrite.await();
      } else if (n == 2) {
        releaseSecondWrite.await();
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
