package se.insyn.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for what the suite does asynchronously (audit delivery), with a bound. */
final class Eventually {

  private Eventually() {}

  static <T> T within(Duration limit, Supplier<T> probe, Predicate<T> done) {
    Instant deadline = Instant.now().plus(limit);
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not reached within " + limit + "; last seen: " + last);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
