package se.insyn.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the scheduled relay where {@code insyn.outbox.relay.enabled=false}. */
@Singleton
class RelayDisabled implements Scheduled.SkipPredicate {

  private final RelayConfig config;

  RelayDisabled(RelayConfig config) {
    this.config = config;
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return !config.enabled();
  }
}
