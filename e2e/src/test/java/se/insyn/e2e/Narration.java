package se.insyn.e2e;

import java.time.Duration;
import java.time.Instant;

/** What a scenario did and what it found, printed as it goes so a CI log reads like a story. */
final class Narration {

  private final String title;
  private final Instant start = Instant.now();

  private Narration(String title) {
    this.title = title;
    System.out.println();
    System.out.println("=== " + title);
  }

  static Narration of(String title) {
    return new Narration(title);
  }

  /** One step: what was done or asked, and what the suite answered. */
  Narration step(String text, Object... args) {
    long seconds = Duration.between(start, Instant.now()).toMillis() / 100;
    System.out.printf("  [%5.1f s] %s%n", seconds / 10.0, String.format(text, args));
    return this;
  }

  void done(String verdict, Object... args) {
    step("=> " + verdict, args);
    System.out.println("=== end of " + title);
  }
}
