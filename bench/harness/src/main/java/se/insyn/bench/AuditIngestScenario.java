package se.insyn.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import se.insyn.devstack.SuiteService;

/**
 * Durable events per second into the audit-service, in batches of 100 from a few concurrent
 * writers, against plain batched INSERTs of the same rows (same columns, same indexes, one commit
 * per batch, same number of writers) into a copy of the audit table in the same PostgreSQL, empty
 * (the target's yardstick) and, for information, as large as the log, from as many writers and from
 * one. Also against the absolute rate of a published transparency log.
 *
 * <p>Sustained means after warm-up: the same load runs until the service's JIT compiler is quiet
 * ({@link JitWatch}; on two shared cores it keeps compiling for minutes, taking a third of the
 * service's CPU), with a limit. The figures say how long that took and how busy the compiler still
 * was while the rate was measured.
 */
final class AuditIngestScenario implements Scenario {

  static final int BATCH = 100;

  /** The JIT compiler counts as quiet below this share of one core. */
  static final double QUIET_JIT = 0.05;

  static final Duration WARMUP_ROUND = Duration.ofSeconds(15);

  /** The Tessera transparency log's published rate on a local disk (the yardstick). */
  static final double TESSERA_EVENTS_PER_SECOND = 2_900;

  @Override
  public String name() {
    return "audit-ingest";
  }

  @Override
  public String describe() {
    return "events/s into audit-service POST /api/v1/events, batches of "
        + BATCH
        + "; reference: batched INSERTs of the same rows";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes)
      throws Exception {
    AuditEvents.awaitQuiet(stack, Duration.ofMinutes(2));
    int writers = sizes.ingestUsers();
    double[] emptyTable =
        plainInserts(stack, new int[] {writers}, sizes.saturationWarmup(), sizes.ingest(), false);
    double reference = emptyTable[0];

    long before = AuditEvents.treeSize(stack);
    Load.Request request =
        Load.Request.post(
                "/api/v1/events", AuditEvents.writerToken(stack), AuditEvents.batchPattern(BATCH))
            .withUuids(AuditEvents.batchVariables(BATCH));
    String url = stack.url(SuiteService.AUDIT);
    Load.Result r;
    try (JitWatch jit =
        JitWatch.attach(stack.suite().service(SuiteService.AUDIT).handle().orElseThrow())) {
      double warmup = warmUp(url, request, writers, sizes.ingestWarmupLimit(), jit);
      out.accept(Figure.of("audit-ingest.warmup", warmup, "s"));
      jit.mark();
      r =
          Load.closed(
              "audit-ingest", url, request, writers, sizes.saturationWarmup(), sizes.ingest());
      out.accept(Figure.of("audit-ingest.jit-busy", jit.busySinceMark(), "cores"));
    }
    long after = AuditEvents.treeSize(stack);
    double rate = r.okPerSecond() * BATCH;
    // The reference above inserted into an empty table, the service into a log that holds what
    // the warm-up wrote. The same inserts into a copy of the log show how much of the gap is the
    // table's size (its random-key indexes outgrow the buffer cache) rather than the service.
    // And from one writer into that copy (after the writers above, so it holds their rows too):
    // what one connection inserting in order, a commit per batch, does with a table of that size.
    double[] sameSize =
        plainInserts(stack, new int[] {writers, 1}, sizes.saturationWarmup(), sizes.ingest(), true);
    out.accept(
        Figure.of("audit-ingest.rate-vs-same-size-table", rate, "events/s").against(sameSize[0]));
    out.accept(
        Figure.of("audit-ingest.rate-vs-one-writer-same-size-table", rate, "events/s")
            .against(sameSize[1]));
    out.accept(
        Figure.of("audit-ingest.rate", rate, "events/s")
            .against(reference)
            .target(Figure.Target.ratioAtLeast(0.8)));
    out.accept(
        Figure.of("audit-ingest.rate-vs-tessera", rate, "events/s")
            .against(TESSERA_EVENTS_PER_SECOND)
            .target(Figure.Target.valueAtLeast(TESSERA_EVENTS_PER_SECOND)));
    out.accept(Figure.of("audit-ingest.batch.p50", r.p50(), "ms"));
    out.accept(Figure.of("audit-ingest.batch.p99", r.p99(), "ms"));
    out.accept(Figure.of("audit-ingest.errors", r.errors(), "batches"));
    notes.add(
        String.format(
            "audit-ingest: %d writers; the log grew by %d events during warm-up and measurement",
            writers, after - before));
  }

  /**
   * Drives the same load in rounds until the service's JIT compiler is quiet (below {@link
   * #QUIET_JIT} of a core over a round) or the limit has passed; returns the seconds it took.
   */
  private static double warmUp(
      String url, Load.Request request, int writers, Duration limit, JitWatch jit) {
    Duration round = limit.compareTo(WARMUP_ROUND) < 0 ? limit : WARMUP_ROUND;
    long t0 = System.nanoTime();
    do {
      jit.mark();
      Load.closed("audit-ingest-warmup", url, request, writers, Duration.ofSeconds(1), round);
    } while (jit.busySinceMark() > QUIET_JIT && System.nanoTime() - t0 < limit.toNanos());
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Rows per second of plain batched INSERTs, the best the database does with these rows: into an
   * empty copy of the audit table, or ({@code copyLog}) into one that first receives every event of
   * the log, so that it is as large as the log. One rate per entry of {@code writerCounts},
   * measured one after the other into the same table (each with its own warm-up).
   */
  private static double[] plainInserts(
      Stack stack, int[] writerCounts, Duration warmup, Duration measure, boolean copyLog)
      throws Exception {
    String url = stack.postgres().jdbcUrl("audit") + "?reWriteBatchedInserts=true";
    try (Connection c = DriverManager.getConnection(url, "audit", "audit");
        Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_reference_event");
      s.execute("create table bench_reference_event (like audit_event including all)");
    }
    AtomicLong leaf = new AtomicLong();
    if (copyLog) {
      try (Connection c = DriverManager.getConnection(url, "audit", "audit");
          Statement s = c.createStatement()) {
        s.execute("insert into bench_reference_event select * from audit_event");
        try (ResultSet rs =
            s.executeQuery("select coalesce(max(leaf_index) + 1, 0) from bench_reference_event")) {
          rs.next();
          leaf.set(rs.getLong(1));
        }
      }
    }
    double[] rates = new double[writerCounts.length];
    for (int i = 0; i < writerCounts.length; i++) {
      insertFor(url, writerCounts[i], warmup, leaf);
      long t0 = System.nanoTime();
      long rows = insertFor(url, writerCounts[i], measure, leaf);
      rates[i] = rows / ((System.nanoTime() - t0) / 1e9);
    }
    try (Connection c = DriverManager.getConnection(url, "audit", "audit");
        Statement s = c.createStatement()) {
      s.execute("drop table bench_reference_event");
    }
    return rates;
  }

  private static long insertFor(String url, int writers, Duration duration, AtomicLong leaf)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      long deadline = System.nanoTime() + duration.toNanos();
      List<Future<Long>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(() -> insertUntil(url, deadline, leaf)));
      }
      long rows = 0;
      for (Future<Long> f : done) {
        rows += f.get();
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long insertUntil(String url, long deadline, AtomicLong leaf)
      throws SQLException, NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    long rows = 0;
    try (Connection c = DriverManager.getConnection(url, "audit", "audit");
        PreparedStatement insert =
            c.prepareStatement(
                "insert into bench_reference_event (leaf_index, id, source, type, occurred_at,"
                    + " actor_subject, subject, leaf_input, leaf_hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      while (System.nanoTime() < deadline) {
        String time = AuditEvents.now();
        Timestamp occurred = Timestamp.from(Instant.parse(time));
        for (int i = 0; i < BATCH; i++) {
          String id = UUID.randomUUID().toString();
          String input = AuditEvents.canonical(id, time, i);
          sha256.update((byte) 0);
          byte[] hash = sha256.digest(input.getBytes(StandardCharsets.UTF_8));
          insert.setLong(1, leaf.getAndIncrement());
          insert.setObject(2, UUID.fromString(id));
          insert.setString(3, AuditEvents.SOURCE);
          insert.setString(4, AuditEvents.TYPE);
          insert.setTimestamp(5, occurred);
          insert.setString(6, "service-account-" + AuditEvents.SOURCE);
          insert.setString(7, "bench/" + id);
          insert.setString(8, input);
          insert.setBytes(9, hash);
          insert.addBatch();
        }
        insert.executeBatch();
        c.commit();
        rows += BATCH;
      }
    }
    return rows;
  }
}
