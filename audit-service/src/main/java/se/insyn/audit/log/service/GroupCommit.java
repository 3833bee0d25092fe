package se.insyn.audit.log.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogRepository;

/**
 * Group commit for ingest. Appends are serial by nature (one head lock, dense leaf indices), so
 * instead of one transaction per request, the request that finds no append in progress writes every
 * batch queued by then in one transaction: one head lock, one commit (one WAL flush), one signed
 * checkpoint for the lot. Requests that arrive meanwhile queue up and are written together by the
 * next one. Each request returns only after the transaction holding its batch has committed, so an
 * answer still means "durably stored".
 *
 * <p>A group's transaction first takes its events to be new and writes them without looking up
 * which are stored; when the log's unique indexes say otherwise, it is written again with the
 * look-up ({@link LogWriter#appendAll}).
 *
 * <p>Batches stay independent: a batch refused for a taken sequence number is refused alone, and
 * when a group's transaction fails for any other reason, its batches are retried one per
 * transaction so that one batch's failure fails only that batch.
 */
@ApplicationScoped
class GroupCommit {

  /** At most this many events go into one transaction (a request's batch is never split). */
  static final int MAX_EVENTS_PER_TRANSACTION = 5_000;

  private static final Logger LOG = Logger.getLogger(GroupCommit.class);

  private final LogWriter writer;

  /** Batches waiting for a writer; guarded by {@code this}. */
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  /** Whether some request is writing a group now; guarded by {@code this}. */
  private boolean writing;

  /** How long groups are written with the look-up at once after one had to be written again. */
  static final Duration LOOK_UP_AFTER_REWRITE = Duration.ofSeconds(1);

  private final long lookUpAfterRewrite;

  /**
   * {@link System#nanoTime} of the last second write; only the writing thread reads or sets it (the
   * monitor hand-over between writers orders those accesses).
   */
  private long lastRewrite;

  /** Transactions written again because an event in them was stored already. */
  private final Counter storedAlready;

  @Inject
  GroupCommit(LogWriter writer, MeterRegistry registry) {
    this(writer, registry, LOOK_UP_AFTER_REWRITE);
  }

  GroupCommit(LogWriter writer, MeterRegistry registry, Duration lookUpAfterRewrite) {
    this.writer = writer;
    this.lookUpAfterRewrite = lookUpAfterRewrite.toNanos();
    this.lastRewrite = System.nanoTime() - this.lookUpAfterRewrite;
    this.storedAlready =
        Counter.builder("insyn.audit.append.rewritten")
            .description(
                "Append transactions written again, looking up stored events, because an event"
                    + " in them was in the log already (retries by emitters)")
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
        synchronized (this) {
          while (writing && !mine.done) {
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
          writing = true;
          group = take();
        }
        try {
          write(group);
        } finally {
          synchronized (this) {
            writing = false;
            notifyAll();
          }
        }
      }
    } finally {
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
      events += next.batch.rows().size();
      group.add(next);
    }
    return group;
  }

  /** Writes the group and settles every batch in it; never throws. */
  private void write(List<Pending> group) {
    try {
      settle(group, appendOnce(group.stream().map(p -> p.batch).toList()));
      return;
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).fail(e);
        return;
      }
      LOG.warnf(e, "A group of %d batches failed; writing them one by one", group.size());
    } catch (Error e) {
      group.forEach(p -> p.fail(e));
      throw e;
    }
    for (Pending p : group) {
      try {
        settle(List.of(p), appendOnce(List.of(p.batch)));
      } catch (RuntimeException | Error e) {
        p.fail(e);
      }
    }
  }

  /**
   * Writes the batches in one transaction, taking their events to be new; if one is stored already,
   * writes them again in a transaction that looks up what is stored. Retries tend to come in runs
   * (an emitter sending its backlog again), so for {@link #LOOK_UP_AFTER_REWRITE} after a second
   * write, groups are written with the look-up at once rather than twice each.
   */
  private List<LogWriter.Outcome> appendOnce(List<LogWriter.Batch> batches) {
    if (System.nanoTime() - lastRewrite < lookUpAfterRewrite) {
      return writer.appendAll(batches, true);
    }
    try {
      return writer.appendAll(batches, false);
    } catch (LogRepository.AlreadyStored e) {
      storedAlready.increment();
      lastRewrite = System.nanoTime();
      return writer.appendAll(batches, true);
    }
  }

  private static void settle(List<Pending> group, List<LogWriter.Outcome> outcomes) {
    for (int i = 0; i < group.size(); i++) {
      group.get(i).settle(outcomes.get(i));
    }
  }

  /** One request's batch and, once written, what became of it. */
  private static final class Pending {

    final LogWriter.Batch batch;
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
