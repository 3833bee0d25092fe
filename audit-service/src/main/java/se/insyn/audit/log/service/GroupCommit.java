package se.insyn.audit.log.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.jboss.logging.Logger;
import se.insyn.audit.log.repository.LeafRow;

/**
 * Group commit for ingest, with the next group written behind the one in progress. Appends are
 * serial by nature (one head lock, dense leaf indices), so instead of one transaction per request,
 * a request that finds a free slot writes every batch queued by then in one transaction: one head
 * lock, one commit (one WAL flush), one signed checkpoint for the lot. Requests that arrive
 * meanwhile queue up and are written together by the next one. Each request returns only after the
 * transaction holding its batch has committed, so an answer still means "durably stored".
 *
 * <p>Up to {@link #MAX_IN_FLIGHT} groups are in flight at once. A group does not wait for the one
 * before it to commit before it inserts its rows: once that one knows what it will append (its
 * {@link LogWriter.Plan}), the next inserts at the indices after it ({@link
 * LogWriter#appendBehind}), so that the database inserts several groups' rows at the same time, and
 * it moves the head on only if the one before committed as planned. Otherwise it rolls back and
 * writes its batches again the ordinary way, once the one before has ended. Every group waits for
 * the one before it to end before it ends itself, so the groups end in the order they started.
 *
 * <p>Batches stay independent: a batch refused for a taken sequence number is refused alone, and
 * when a group's transaction fails for any other reason, its batches are retried one per
 * transaction so that one batch's failure fails only that batch.
 */
@ApplicationScoped
class GroupCommit {

  /** At most this many events go into one transaction (a request's batch is never split). */
  static final int MAX_EVENTS_PER_TRANSACTION = 5_000;

  /**
   * Groups in flight at once: one moving the head and committing while the next two insert their
   * rows behind it. With two, the inserts (most of the database's work) still ran one after the
   * other; with three, two run at once.
   */
  static final int MAX_IN_FLIGHT = 3;

  private static final Logger LOG = Logger.getLogger(GroupCommit.class);

  private final LogWriter writer;

  /** Groups written with the head lock held from the start ({@code in-order}). */
  private final Counter inOrder;

  /** Groups written behind the one before ({@code behind}). */
  private final Counter behind;

  /**
   * Groups written behind the one before that had to be written again ({@code again}): that one did
   * not commit as planned, the log moved meanwhile (another replica), or a lock was held.
   */
  private final Counter again;

  /** Batches waiting for a writer; guarded by {@code this}. */
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  /** How many groups (or own events) are being written now; guarded by {@code this}. */
  private int inFlight;

  /** The group started last, which the next one is written behind; guarded by {@code this}. */
  private Flight last;

  GroupCommit(LogWriter writer, MeterRegistry registry) {
    this.writer = writer;
    inOrder = groups(registry, "in-order");
    behind = groups(registry, "behind");
    again = groups(registry, "again");
  }

  private static Counter groups(MeterRegistry registry, String way) {
    return Counter.builder("insyn.audit.append.groups")
        .description("Groups of batches appended to the log, by how they were written")
        .tag("way", way)
        .register(registry);
  }

  /**
   * Appends the batch (all or none) and returns once it is committed.
   *
   * @throws se.insyn.problem.ProblemException 409 when a sequence number is already taken
   */
  AppendResult append(List<LeafRow> rows) {
    Pending mine = new Pending(LogWriter.Batch.of(rows));
    boolean interrupted = false;
    synchronized (this) {
      queue.add(mine);
    }
    try {
      while (true) {
        List<Pending> group;
        Flight flight;
        synchronized (this) {
          while (!mine.done && (mine.taken || inFlight >= MAX_IN_FLIGHT)) {
            try {
              wait();
            } catch (InterruptedException e) {
              // The batch is queued and will be written; the answer must say how it went.
              interrupted = true;
            }
          }
          if (mine.done) {
            return mine.answer();
          }
          group = take();
          flight = start();
        }
        try {
          write(group, flight);
        } finally {
          finish(flight);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Appends one event of this service ({@link LogWriter#appendOwn}) in its turn among the groups:
   * it starts once the group before it has ended, and the group after it waits for it.
   */
  long appendOwn(String source, LongFunction<LeafRow> withSequence) {
    Flight flight;
    boolean interrupted = false;
    synchronized (this) {
      while (inFlight >= MAX_IN_FLIGHT) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      flight = start();
    }
    try {
      // Nothing can be written behind it: its size is known only once the lock is held.
      flight.plan.complete(null);
      flight.awaitPrevious();
      long index = writer.appendOwn(source, withSequence);
      flight.outcome.complete(true);
      return index;
    } finally {
      finish(flight);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How many batches wait for a writer now. */
  synchronized int queued() {
    return queue.size();
  }

  /** The queued batches, oldest first, up to the size limit (at least one). Holds the monitor. */
  private List<Pending> take() {
    List<Pending> group = new ArrayList<>();
    int events = 0;
    while (!queue.isEmpty()
        && (group.isEmpty()
            || events + queue.peek().batch.rows().size() <= MAX_EVENTS_PER_TRANSACTION)) {
      Pending next = queue.poll();
      next.taken = true;
      events += next.batch.rows().size();
      group.add(next);
    }
    return group;
  }

  /** A new flight after the last one. Holds the monitor. */
  private Flight start() {
    inFlight++;
    last = new Flight(last);
    return last;
  }

  /** Ends the flight (after the one before it) and frees its slot. */
  private void finish(Flight flight) {
    flight.end();
    synchronized (this) {
      inFlight--;
      notifyAll();
    }
  }

  /** Writes the group and settles every batch in it; never throws but an {@link Error}. */
  private void write(List<Pending> group, Flight flight) {
    List<LogWriter.Batch> batches = group.stream().map(p -> p.batch).toList();
    LogWriter.Plan base = flight.previousPlan();
    if (base != null) {
      List<LogWriter.Outcome> outcomes = null;
      try {
        outcomes =
            writer.appendBehind(base, batches, flight.plan::complete, flight::committedAsPlanned);
      } catch (RuntimeException e) {
        flight.notAsPlanned();
        again.increment();
        LOG.debugf("A group written behind another is written again: %s", e.getMessage());
      }
      if (outcomes != null) {
        behind.increment();
        flight.outcome.complete(true);
        settle(group, outcomes);
        return;
      }
    }
    flight.awaitPrevious();
    writeInOrder(group, batches, flight);
  }

  /** Writes the group with the head lock held from the start; the flight before it has ended. */
  private void writeInOrder(List<Pending> group, List<LogWriter.Batch> batches, Flight flight) {
    inOrder.increment();
    try {
      settle(group, writer.appendAll(batches, flight.plan::complete));
      flight.outcome.complete(true);
      return;
    } catch (RuntimeException e) {
      flight.notAsPlanned();
      if (group.size() == 1) {
        group.get(0).fail(e);
        return;
      }
      LOG.warnf(e, "A group of %d batches failed; writing them one by one", group.size());
    } catch (Error e) {
      flight.notAsPlanned();
      group.forEach(p -> p.fail(e));
      throw e;
    }
    for (Pending p : group) {
      try {
        settle(List.of(p), writer.appendAll(List.of(p.batch), plan -> {}));
      } catch (RuntimeException | Error e) {
        p.fail(e);
      }
    }
  }

  private static void settle(List<Pending> group, List<LogWriter.Outcome> outcomes) {
    for (int i = 0; i < group.size(); i++) {
      group.get(i).settle(outcomes.get(i));
    }
  }

  /**
   * One group (or own event) being written, as the one after it sees it: what it will append once
   * committed ({@code plan}, null when that cannot be known ahead), whether it committed as planned
   * ({@code outcome}), and when it has ended ({@code ended}, only after the one before it).
   */
  private static final class Flight {

    final CompletableFuture<LogWriter.Plan> plan = new CompletableFuture<>();
    final CompletableFuture<Boolean> outcome = new CompletableFuture<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** The flight before; dropped once this one has ended, so that ended flights are not kept. */
    volatile Flight previous;

    Flight(Flight previous) {
      this.previous = previous;
    }

    /**
     * What the flight before will leave, to write behind it; null when there is none, it has ended
     * already (there is nothing to overlap with, and the lock-first way reads the log as it is), it
     * cannot say, or it has already failed to commit as planned.
     */
    LogWriter.Plan previousPlan() {
      Flight before = previous;
      if (before == null || before.ended.isDone()) {
        return null;
      }
      LogWriter.Plan p = before.plan.join();
      if (p == null || (before.outcome.isDone() && !before.outcome.join())) {
        return null;
      }
      return p;
    }

    /** Waits until the flight before has ended; whether it committed as planned. */
    boolean committedAsPlanned() {
      Flight before = previous;
      return before == null || before.outcome.join();
    }

    /** Waits until the flight before has ended (and every one before it). */
    void awaitPrevious() {
      Flight before = previous;
      if (before != null) {
        before.ended.join();
      }
    }

    /** What was planned will not be: the flight after must not build on it. */
    void notAsPlanned() {
      plan.complete(null);
      outcome.complete(false);
    }

    /** Ends the flight, after the one before it. */
    void end() {
      notAsPlanned();
      awaitPrevious();
      previous = null;
      ended.complete(null);
    }
  }

  /** One request's batch and, once written, what became of it. */
  private static final class Pending {

    final LogWriter.Batch batch;

    /** Whether a writer has taken it from the queue; guarded by the GroupCommit's monitor. */
    boolean taken;

    private volatile boolean done;
    private LogWriter.Outcome outcome;
    private Throwable failure;

    Pending(LogWriter.Batch batch) {
      this.batch = batch;
    }

    void settle(LogWriter.Outcome outcome) {
      this.outcome = outcome;
      done = true;
    }

    void fail(Throwable failure) {
      this.failure = failure;
      done = true;
    }

    AppendResult answer() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (outcome.refusal() != null) {
        throw outcome.refusal();
      }
      return outcome.result();
    }
  }
}
