package se.insyn.bench;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.core.parser.ParserException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one kind of HTTP request with Hyperfoil, in this JVM. Two models:
 *
 * <ul>
 *   <li>{@link #constantRate}: open loop. New requests start at a fixed rate whatever the server
 *       does, each on its own session; the latency histogram therefore includes the queueing a slow
 *       server causes (no coordinated omission), as long as sessions and connections do not run
 *       out, which {@link Result#blockedMillis()} reports.
 *   <li>{@link #closed}: a fixed number of users, each sending its next request when the last
 *       answered: the saturation throughput the server sustains.
 * </ul>
 *
 * Each run has a warm-up phase whose numbers are thrown away, then the measured phase.
 */
final class Load {

  /** One request shape. Patterns may use {@code ${var}} for the random variables declared. */
  record Request(
      String method,
      String pathPattern,
      Map<String, String> headers,
      String bodyPattern,
      List<String> uuidVars,
      Map<String, long[]> intRanges,
      int expectStatus) {

    static Request post(String path, String token, String jsonPattern) {
      return new Request(
          "POST",
          path,
          Map.of("authorization", "Bearer " + token, "content-type", "application/json"),
          jsonPattern,
          List.of(),
          Map.of(),
          0);
    }

    static Request get(String pathPattern, String token) {
      return new Request(
          "GET",
          pathPattern,
          Map.of("authorization", "Bearer " + token),
          null,
          List.of(),
          Map.of(),
          0);
    }

    Request withUuids(String... names) {
      return new Request(
          method, pathPattern, headers, bodyPattern, List.of(names), intRanges, expectStatus);
    }

    /** A random integer in [min, max] per request. */
    Request withInt(String name, long min, long max) {
      Map<String, long[]> ints = new LinkedHashMap<>(intRanges);
      ints.put(name, new long[] {min, max});
      return new Request(method, pathPattern, headers, bodyPattern, uuidVars, ints, expectStatus);
    }

    /**
     * Only this status counts as success (by default any 2xx/3xx): e.g. 201 for a decision that
     * permitted, so that a fail-closed 200 DENY is counted as an error, not as throughput.
     */
    Request expecting(int status) {
      return new Request(method, pathPattern, headers, bodyPattern, uuidVars, intRanges, status);
    }
  }

  /** What the measured phase saw. Latencies in milliseconds. */
  record Result(
      long requests,
      long ok,
      long errors,
      double seconds,
      double p50,
      double p99,
      double p999,
      double max,
      double blockedMillis,
      int offeredPerSecond) {

    double okPerSecond() {
      return seconds > 0 ? ok / seconds : 0;
    }

    Result withOffered(int perSecond) {
      return new Result(
          requests, ok, errors, seconds, p50, p99, p999, max, blockedMillis, perSecond);
    }

    /** Whether an open-loop run sent (nearly) every request at its scheduled time. */
    boolean onSchedule() {
      return offeredPerSecond == 0 || requests >= 0.98 * offeredPerSecond * seconds;
    }
  }

  private Load() {}

  /**
   * Open loop: {@code perSecond} new requests every second, each on its own session and, since
   * there are as many connections as sessions, never waiting for a connection: a slow server's
   * queueing shows up in the latency (no coordinated omission). Only if every session is busy (more
   * than two seconds' worth of requests outstanding) does Hyperfoil delay new requests; {@link
   * Result#onSchedule} tells.
   */
  static Result constantRate(
      String name,
      String baseUrl,
      Request request,
      int perSecond,
      Duration warmup,
      Duration measure) {
    int sessions = Math.max(100, perSecond * 2);
    Map<String, String> model = new LinkedHashMap<>();
    model.put("usersPerSec", String.valueOf(perSecond));
    model.put("maxSessions", String.valueOf(sessions));
    Result r = run(name, baseUrl, request, "constantRate", model, warmup, measure, sessions);
    return r.withOffered(perSecond);
  }

  static Result closed(
      String name, String baseUrl, Request request, int users, Duration warmup, Duration measure) {
    return run(
        name,
        baseUrl,
        request,
        "always",
        Map.of("users", String.valueOf(users)),
        warmup,
        measure,
        users);
  }

  private static Result run(
      String name,
      String baseUrl,
      Request request,
      String kind,
      Map<String, String> model,
      Duration warmup,
      Duration measure,
      int connections) {
    String yaml = yaml(name, baseUrl, request, kind, model, warmup, measure, connections);
    Benchmark benchmark;
    try {
      BenchmarkParser parser = BenchmarkParser.instance();
      benchmark =
          parser.buildBenchmark(
              parser.createSource(yaml, new LocalBenchmarkData(Path.of("."))), Map.of());
    } catch (ParserException e) {
      throw new IllegalStateException("Hyperfoil refused the benchmark:\n" + yaml, e);
    }
    Map<String, StatisticsSnapshot> byPhase = new LinkedHashMap<>();
    new LocalSimulationRunner(
            benchmark,
            (phase, stepId, metric, snapshot, countDown) -> {
              synchronized (byPhase) {
                byPhase.computeIfAbsent(phase.name(), k -> new StatisticsSnapshot()).add(snapshot);
              }
            },
            (phase, min, max) -> {},
            (target, type, min, max) -> {})
        .run();
    StatisticsSnapshot s = byPhase.getOrDefault("measure", new StatisticsSnapshot());
    long errors = (long) s.invalid + s.connectionErrors + s.requestTimeouts + s.internalErrors;
    long ok = Math.max(0, s.responseCount - s.invalid);
    double seconds =
        s.histogram.getEndTimeStamp() > s.histogram.getStartTimeStamp()
            ? (s.histogram.getEndTimeStamp() - s.histogram.getStartTimeStamp()) / 1000.0
            : measure.toMillis() / 1000.0;
    return new Result(
        s.requestCount,
        ok,
        errors,
        seconds,
        millis(s.histogram.getValueAtPercentile(50)),
        millis(s.histogram.getValueAtPercentile(99)),
        millis(s.histogram.getValueAtPercentile(99.9)),
        millis(s.histogram.getMaxValue()),
        s.blockedTime / 1e6,
        0);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  static String yaml(
      String name,
      String baseUrl,
      Request request,
      String kind,
      Map<String, String> model,
      Duration warmup,
      Duration measure,
      int connections) {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(name).append('\n');
    y.append("threads: 1\n");
    y.append("http:\n");
    y.append("  host: ").append(baseUrl).append('\n');
    y.append("  sharedConnections: ").append(connections).append('\n');
    y.append("  requestTimeout: 30s\n");
    y.append("phases:\n");
    phase(y, "warmup", kind, model, null, warmup);
    y.append("      scenario: &scenario\n");
    y.append("      - request:\n");
    for (String v : request.uuidVars()) {
      y.append("        - randomUUID: ").append(v).append('\n');
    }
    request
        .intRanges()
        .forEach(
            (v, range) ->
                y.append("        - randomInt: ")
                    .append(v)
                    .append(" <- ")
                    .append(range[0])
                    .append(" .. ")
                    .append(range[1])
                    .append('\n'));
    y.append("        - httpRequest:\n");
    y.append("            ").append(request.method()).append(":\n");
    y.append("              pattern: ").append(quote(request.pathPattern())).append('\n');
    y.append("            metric: ").append(name).append('\n');
    y.append("            headers:\n");
    request
        .headers()
        .forEach(
            (k, v) ->
                y.append("              ").append(k).append(": ").append(quote(v)).append('\n'));
    if (request.expectStatus() != 0) {
      y.append("            handler:\n");
      y.append("              autoRangeCheck: false\n");
      y.append("              status:\n");
      y.append("              - range: ").append(request.expectStatus()).append('\n');
    }
    if (request.bodyPattern() != null) {
      y.append("            body:\n");
      y.append("              pattern: ").append(quote(request.bodyPattern())).append('\n');
    }
    phase(y, "measure", kind, model, "warmup", measure);
    y.append("      scenario: *scenario\n");
    return y.toString();
  }

  private static void phase(
      StringBuilder y,
      String name,
      String kind,
      Map<String, String> model,
      String after,
      Duration duration) {
    y.append("- ").append(name).append(":\n");
    y.append("    ").append(kind).append(":\n");
    model.forEach((k, v) -> y.append("      ").append(k).append(": ").append(v).append('\n'));
    if (after != null) {
      // Strict: the measured phase starts only once every warm-up request has been answered, so no
      // backlog from the warm-up is measured.
      y.append("      startAfterStrict: ").append(after).append('\n');
    }
    y.append("      duration: ").append(Math.max(1, duration.toMillis())).append("ms\n");
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
