package se.insyn.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay delivers audit events to the audit-service. */
@ConfigMapping(prefix = "insyn.outbox.relay")
public interface RelayConfig {

  /** Whether this instance drains its outbox at all. */
  @WithDefault("true")
  boolean enabled();

  /** How often the relay looks for events to deliver. */
  @WithDefault("1s")
  Duration interval();

  /** Events per POST to the audit-service (the audit-service accepts at most 1000). */
  @WithDefault("200")
  int batchSize();

  /** First retry delay after a failed delivery; it doubles per failure, with jitter. */
  @WithDefault("1s")
  Duration initialBackoff();

  /** The longest wait between retries while the audit-service is unreachable. */
  @WithDefault("5m")
  Duration maxBackoff();

  /** Delivered events are deleted from the outbox after this long. */
  @WithDefault("P7D")
  Duration retention();

  /** When the oldest undelivered event is older than this, the stale-outbox alert metric fires. */
  @WithDefault("15m")
  Duration staleAfter();
}
