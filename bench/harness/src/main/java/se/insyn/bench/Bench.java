package se.insyn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.insyn.devstack.Processes;

/**
 * bench/run: starts the stack, runs the chosen scenarios (all by default), prints one line per
 * figure and writes bench/results/&lt;time&gt;.json. A missed target is reported, never fatal; a
 * scenario that cannot run at all (setup refused, service down) makes the run fail.
 */
public final class Bench {

  /** Every scenario, in the order a full run takes them. */
  static final List<Scenario> SCENARIOS =
      List.of(
          new DecisionScenario(),
          new ConsentDecisionScenario(),
          new AuditIngestScenario(),
          new AuditProofScenario(),
          new UploadScenario(),
          new DisposalScenario(),
          new StartupScenario());

  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    List<Scenario> chosen = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--smoke")) {
        smoke = true;
      } else if (arg.equals("--help") || arg.equals("-h")) {
        usage();
        return;
      } else {
        Scenario s = SCENARIOS.stream().filter(x -> x.name().equals(arg)).findFirst().orElse(null);
        if (s == null) {
          System.err.println("Unknown scenario: " + arg);
          usage();
          System.exit(2);
        }
        chosen.add(s);
      }
    }
    if (chosen.isEmpty()) {
      chosen.addAll(SCENARIOS);
    }
    Sizes sizes = smoke ? Sizes.smokeRun() : Sizes.fullRun();
    // The services' jars come from insyn.root (bench/run points it at a copy); results and work
    // files go to the repository the run was started from.
    Path root = Processes.repositoryRoot();
    Path home = Path.of(System.getProperty("bench.home", root.toString()));
    Instant started = Instant.now();
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    Path work = home.resolve("bench/harness/target/run-" + stamp);
    Files.createDirectories(work);

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("startedAt", started.toString());
    run.put("mode", smoke ? "smoke" : "full");
    run.put("scenarios", chosen.stream().map(Scenario::name).toList());
    run.put("machine", Machine.describe());
    run.put("loadGenerator", "Hyperfoil " + hyperfoilVersion() + " (in the harness JVM)");
    System.out.println(
        "bench: "
            + (smoke ? "smoke" : "full")
            + " run of "
            + run.get("scenarios")
            + " on "
            + run.get("machine"));
    System.out.println(
        "bench: starting PostgreSQL, the issuer, the services and the reference app");
    Report report = new Report();
    List<String> failed = new ArrayList<>();
    long t0 = System.nanoTime();
    try (Stack stack = Stack.start(root, work)) {
      System.out.printf(
          "bench: stack ready in %.0f s (logs in %s)%n", secondsSince(t0), work.resolve("logs"));
      for (Scenario s : chosen) {
        System.out.println("bench: --- " + s.name() + ": " + s.describe());
        long ts = System.nanoTime();
        try {
          s.run(stack, sizes, report::add, report.notes());
        } catch (Exception | AssertionError e) {
          failed.add(s.name());
          report.notes().add(s.name() + " failed: " + e);
          System.out.println("bench: " + s.name() + " FAILED: " + e);
          e.printStackTrace(System.out);
        }
        System.out.printf("bench: %s took %.0f s%n", s.name(), secondsSince(ts));
      }
    }
    // The recording-service's blob store of this run (hundreds of MB after upload): of no use
    // once the stack is gone; the logs stay.
    Scenarios.deleteTree(work.resolve("recordings"));
    run.put("seconds", Math.round(secondsSince(t0)));
    run.put("loadAverageAtEnd", Machine.loadAverage());
    run.put("failedScenarios", failed);
    Path json = home.resolve("bench/results/" + stamp + (smoke ? "-smoke" : "") + ".json");
    report.write(json, run);

    System.out.println();
    System.out.println(
        "bench: summary (" + (smoke ? "smoke: short runs, small sizes" : "full") + ")");
    report.figures().forEach(f -> System.out.println(Report.line(f)));
    report.notes().forEach(n -> System.out.println("note: " + n));
    long misses = report.figures().stream().filter(f -> Boolean.FALSE.equals(f.pass())).count();
    System.out.printf(
        "bench: %d figures, %d targets missed, %d scenarios failed; written to %s%n",
        report.figures().size(), misses, failed.size(), home.relativize(json));
    System.exit(failed.isEmpty() ? 0 : 1);
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String hyperfoilVersion() {
    Package p = io.hyperfoil.core.parser.BenchmarkParser.class.getPackage();
    return p.getImplementationVersion() != null ? p.getImplementationVersion() : "0.25.2";
  }

  private static void usage() {
    System.out.println("usage: bench/run [--smoke] [--no-build] [scenario...]\n\nscenarios:");
    for (Scenario s : SCENARIOS) {
      System.out.printf("  %-18s %s%n", s.name(), s.describe());
    }
  }
}
