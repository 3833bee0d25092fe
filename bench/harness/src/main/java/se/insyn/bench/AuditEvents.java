package se.insyn.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import se.insyn.devstack.SuiteService;

/** Audit events as an emitter sends them, from a writer that is not one of the suite's services. */
final class AuditEvents {

  /** The benchmark's own emitter: its client id is its {@code source}, as the service demands. */
  static final String SOURCE = "bench-writer";

  static final String TYPE = "bench.ingested";

  private AuditEvents() {}

  static String writerToken(Stack stack) {
    return stack.client(SOURCE, "audit-writer");
  }

  static String auditorToken(Stack stack) {
    return stack.user("bench-auditor", "auditor");
  }

  /** Whole microseconds, as the leaf input keeps them. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
  }

  /** One event; {@code id} may be a Hyperfoil {@code ${var}}. */
  static String event(String id, String time, int n) {
    return "{\"id\":\""
        + id
        + "\",\"source\":\""
        + SOURCE
        + "\",\"type\":\""
        + TYPE
        + "\",\"time\":\""
        + time
        + "\",\"actor\":{\"subject\":\"service-account-"
        + SOURCE
        + "\",\"clientId\":\""
        + SOURCE
        + "\"},\"subject\":\"bench/"
        + id
        + "\",\"data\":{\"n\":"
        + n
        + "}}";
  }

  /** The JCS form of {@link #event}: what the service stores as the leaf input. */
  static String canonical(String id, String time, int n) {
    return "{\"actor\":{\"clientId\":\""
        + SOURCE
        + "\",\"subject\":\"service-account-"
        + SOURCE
        + "\"},\"data\":{\"n\":"
        + n
        + "},\"id\":\""
        + id
        + "\",\"source\":\""
        + SOURCE
        + "\",\"subject\":\"bench/"
        + id
        + "\",\"time\":\""
        + time
        + "\",\"type\":\""
        + TYPE
        + "\"}";
  }

  /** A batch body with {@code size} fresh events. */
  static String batch(int size) {
    String time = now();
    StringBuilder b = new StringBuilder("{\"events\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(event(UUID.randomUUID().toString(), time, i));
    }
    return b.append("]}").toString();
  }

  /** A batch body as a Hyperfoil pattern: ids from the variables {@code e0 … e(size-1)}. */
  static String batchPattern(int size) {
    String time = now();
    StringBuilder b = new StringBuilder("{\"events\":[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(event("${e" + i + "}", time, i));
    }
    return b.append("]}").toString();
  }

  static String[] batchVariables(int size) {
    String[] names = new String[size];
    for (int i = 0; i < size; i++) {
      names[i] = "e" + i;
    }
    return names;
  }

  /** The size of the log's latest checkpoint; 0 before the first event (no checkpoint yet). */
  static long treeSize(Stack stack) {
    return Api.find(stack.url(SuiteService.AUDIT) + "/api/v1/log/checkpoint", auditorToken(stack))
        .map(checkpoint -> checkpoint.path("treeSize").asLong())
        .orElse(0L);
  }

  /**
   * Waits until the services' outbox relays have delivered what earlier scenarios produced, so that
   * a measurement of the log is not shared with their appends.
   */
  static long awaitQuiet(Stack stack, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    long last = treeSize(stack);
    int stable = 0;
    while (stable < 3 && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      long now = treeSize(stack);
      stable = now == last ? stable + 1 : 0;
      last = now;
    }
    return last;
  }
}
