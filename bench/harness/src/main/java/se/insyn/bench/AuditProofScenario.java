package se.insyn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import se.insyn.devstack.SuiteService;

/**
 * Inclusion-proof latency for a random leaf of a tree of 10^4 and of 10^6 leaves (smoke: 10^3 and
 * 10^4), at a fixed rate. A proof reads O(log n) stored hashes, so a hundred times more leaves
 * should cost at most twice as much. The log is first filled through the API up to the larger size.
 */
final class AuditProofScenario implements Scenario {

  private static final int FILL_BATCH = 1000;
  private static final int FILL_WRITERS = 4;

  @Override
  public String name() {
    return "audit-proof";
  }

  @Override
  public String describe() {
    return "GET audit-service /api/v1/log/proofs/inclusion at 10^4 and 10^6 leaves (smoke: 10^3,"
        + " 10^4); the ratio shows the growth";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes)
      throws Exception {
    fill(stack, sizes.proofLarge());
    settle(stack);
    String auditor = AuditEvents.auditorToken(stack);
    String audit = stack.url(SuiteService.AUDIT);
    Load.Result small = proofs(audit, auditor, sizes.proofSmall(), sizes);
    Load.Result large = proofs(audit, auditor, sizes.proofLarge(), sizes);
    String s = label(sizes.proofSmall());
    String l = label(sizes.proofLarge());
    out.accept(Figure.of("audit-proof.p50@" + s, small.p50(), "ms"));
    out.accept(Figure.of("audit-proof.p99@" + s, small.p99(), "ms"));
    out.accept(
        Figure.of("audit-proof.p50@" + l, large.p50(), "ms")
            .against(small.p50())
            .target(Figure.Target.ratioAtMost(2)));
    out.accept(Figure.of("audit-proof.p99@" + l, large.p99(), "ms").against(small.p99()));
    out.accept(Figure.of("audit-proof.errors", small.errors() + large.errors(), "requests"));
    notes.add(
        "audit-proof: reference for the "
            + l
            + " figures is the same proof at "
            + s
            + " leaves, same rate ("
            + sizes.proofRate()
            + "/s)");
    Scenarios.blocked(notes, "audit-proof", small, large);
  }

  private static Load.Result proofs(String audit, String token, long leaves, Sizes sizes) {
    Load.Request request =
        Load.Request.get("/api/v1/log/proofs/inclusion?leafIndex=${leaf}&treeSize=" + leaves, token)
            .withInt("leaf", 0, leaves - 1);
    return Load.constantRate(
        "audit-proof-" + leaves,
        audit,
        request,
        sizes.proofRate(),
        sizes.saturationWarmup(),
        sizes.proofMeasure());
  }

  private static String label(long n) {
    int exp = (int) Math.round(Math.log10(n));
    return Math.pow(10, exp) == n ? "10^" + exp : String.valueOf(n);
  }

  /**
   * After a bulk fill PostgreSQL's autovacuum would analyse and vacuum the new rows in the middle
   * of the measurement; a log that grew to this size in production had that done long ago. Do it
   * now.
   */
  private static void settle(Stack stack) throws Exception {
    AuditEvents.awaitQuiet(stack, java.time.Duration.ofMinutes(2));
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                stack.postgres().jdbcUrl("audit"), "audit", "audit");
        java.sql.Statement s = c.createStatement()) {
      s.execute("vacuum (analyze) audit_event, merkle_node, checkpoint");
    }
  }

  /** Appends events through the API until the log has {@code leaves} leaves. */
  private static void fill(Stack stack, long leaves) throws Exception {
    long size = AuditEvents.treeSize(stack);
    if (size >= leaves) {
      return;
    }
    System.out.printf("bench: filling the audit log from %d to %d leaves%n", size, leaves);
    String url = stack.url(SuiteService.AUDIT) + "/api/v1/events";
    String token = AuditEvents.writerToken(stack);
    HttpClient http = HttpClient.newHttpClient();
    AtomicLong remaining = new AtomicLong(leaves - size);
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(FILL_WRITERS);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < FILL_WRITERS; w++) {
        done.add(
            pool.submit(
                () -> {
                  long left;
                  while ((left = remaining.getAndAdd(-FILL_BATCH)) > 0) {
                    int n = (int) Math.min(FILL_BATCH, left);
                    HttpResponse<String> response =
                        http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(AuditEvents.batch(n)))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(
                          "filling the log: " + response.statusCode() + " " + response.body());
                    }
                  }
                  return null;
                }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "bench: filled in %.0f s; tree size now %d%n",
        (System.nanoTime() - t0) / 1e9, AuditEvents.treeSize(stack));
  }
}
