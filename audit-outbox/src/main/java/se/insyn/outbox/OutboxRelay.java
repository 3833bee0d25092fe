package se.insyn.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Drains the outbox to the audit-service: numbers committed events gap-free per source, POSTs them
 * in sequence order, and marks them delivered only after a 2xx. While the audit-service is
 * unreachable it backs off exponentially with jitter; nothing is lost, because undelivered rows
 * stay until delivered (the audit-service drops duplicates by event id).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  private final OutboxRepository outbox;
  private final AuditServiceClient audit;
  private final RelayConfig config;
  private final ObjectMapper json;
  private final Counter delivered;
  private final Counter deliveryErrors;
  private final AtomicLong depth = new AtomicLong();
  private final AtomicLong oldestAgeSeconds = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();

  private int consecutiveFailures;
  private Instant nextAttempt = Instant.EPOCH;
  private Instant nextPrune = Instant.EPOCH;

  OutboxRelay(
      OutboxRepository outbox,
      @RestClient AuditServiceClient audit,
      RelayConfig config,
      ObjectMapper json,
      MeterRegistry meters) {
    this.outbox = outbox;
    this.audit = audit;
    this.config = config;
    this.json = json;
    this.delivered = meters.counter("insyn.outbox.delivered");
    this.deliveryErrors = meters.counter("insyn.outbox.delivery.errors");
    meters.gauge("insyn.outbox.depth", depth);
    meters.gauge("insyn.outbox.oldest.age.seconds", oldestAgeSeconds);
    // The alert: recording goes on while audit is slow, but nobody may miss that it is.
    meters.gauge("insyn.outbox.stale", stale);
  }

  /** What one drain did. */
  public record Result(int delivered, boolean failed, long remaining) {}

  @Scheduled(
      every = "${insyn.outbox.relay.interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = RelayDisabled.class)
  void tick() {
    if (Instant.now().isBefore(nextAttempt)) {
      refreshBacklog();
      return;
    }
    drain();
  }

  /** Delivers everything deliverable now; stops at the first failure and schedules a retry. */
  public synchronized Result drain() {
    int sent = 0;
    boolean failed = false;
    while (true) {
      QuarkusTransaction.requiringNew().run(() -> outbox.numberNext(config.batchSize()));
      List<OutboxEvent> batch =
          QuarkusTransaction.requiringNew().call(() -> outbox.nextToDeliver(config.batchSize()));
      if (batch.isEmpty()) {
        break;
      }
      try {
        audit.append(new AuditServiceClient.Batch(toEvents(batch)));
      } catch (RuntimeException e) {
        failed = true;
        onFailure(e);
        break;
      }
      List<Long> positions = batch.stream().map(row -> row.position).toList();
      Instant now = Instant.now();
      QuarkusTransaction.requiringNew().run(() -> outbox.markDelivered(positions, now));
      sent += batch.size();
      delivered.increment(batch.size());
      consecutiveFailures = 0;
      nextAttempt = Instant.EPOCH;
      if (batch.size() < config.batchSize()) {
        break;
      }
    }
    pruneWhenDue();
    return new Result(sent, failed, refreshBacklog());
  }

  private List<AuditEvent> toEvents(List<OutboxEvent> rows) {
    List<AuditEvent> events = new ArrayList<>(rows.size());
    for (OutboxEvent row : rows) {
      try {
        events.add(json.readValue(row.payload, AuditEvent.class).withSequence(row.sourceSequence));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Outbox row " + row.position + " is not an audit event", e);
      }
    }
    return events;
  }

  private void onFailure(RuntimeException e) {
    deliveryErrors.increment();
    consecutiveFailures++;
    Duration backoff = backoff(consecutiveFailures);
    nextAttempt = Instant.now().plus(backoff);
    LOG.warnf(
        "Audit delivery failed (%d in a row), next try in %d ms: %s",
        consecutiveFailures, backoff.toMillis(), e.getMessage());
  }

  /** Exponential backoff with "equal jitter": half the delay fixed, half random. */
  Duration backoff(int failures) {
    long base = config.initialBackoff().toMillis();
    long cap = config.maxBackoff().toMillis();
    long exponential = Math.min(cap, base << Math.min(failures - 1, 30));
    long half = Math.max(1, exponential / 2);
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  private void pruneWhenDue() {
    Instant now = Instant.now();
    if (now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(PRUNE_EVERY);
    long pruned =
        QuarkusTransaction.requiringNew()
            .call(() -> outbox.pruneDelivered(now.minus(config.retention())));
    if (pruned > 0) {
      LOG.debugf("Pruned %d delivered audit events", pruned);
    }
  }

  private long refreshBacklog() {
    OutboxRepository.Backlog backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
    depth.set(backlog.depth());
    Duration age =
        backlog.oldest().map(o -> Duration.between(o, Instant.now())).orElse(Duration.ZERO);
    oldestAgeSeconds.set(Math.max(0, age.toSeconds()));
    stale.set(backlog.depth() > 0 && age.compareTo(config.staleAfter()) > 0 ? 1 : 0);
    return backlog.depth();
  }
}
