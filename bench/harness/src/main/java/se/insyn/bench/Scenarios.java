package se.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Small things several scenarios share. */
final class Scenarios {

  private Scenarios() {}

  /**
   * Hyperfoil measures from the moment a request goes out; when it had to wait for a free
   * connection or session first, that wait is not in the latency. Say so whenever it happened.
   */
  static void blocked(List<String> notes, String name, Load.Result... results) {
    for (Load.Result r : results) {
      if (!r.onSchedule()) {
        notes.add(
            String.format(
                "%s: only %d of the %d requests scheduled could be sent on time (every session"
                    + " was waiting for an answer): the server could not keep up with %d/s, and"
                    + " the percentiles are a lower bound",
                name,
                r.requests(),
                Math.round(r.offeredPerSecond() * r.seconds()),
                r.offeredPerSecond()));
      }
      double perRequest = r.requests() > 0 ? r.blockedMillis() / r.requests() : 0;
      if (perRequest > 0.1) {
        notes.add(
            String.format(
                "%s: requests waited %.1f ms on average for a free connection before being sent;"
                    + " the percentiles do not include that wait (the server held every"
                    + " connection), so they are a lower bound",
                name, perRequest));
      }
    }
  }

  /** The middle value (the mean of the two middle ones for an even count). */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Deletes the directory and everything in it; nothing when it is not there. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
