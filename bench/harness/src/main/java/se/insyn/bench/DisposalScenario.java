package se.insyn.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import se.insyn.devstack.ServiceProcess;
import se.insyn.devstack.SuiteService;

/**
 * The recording-service's scheduled disposal job (R44) with many recordings due at once (100 000 in
 * a full run): each is crypto-shredded (its wrapped data key deleted), its bytes deleted from the
 * filesystem blob store, and its disposal receipt written to the recording and the audit outbox.
 * Figures: records per second, and the service's heap while it works ({@link HeapWatch}).
 *
 * <p>Making 100 000 recordings through the API would take most of an hour, so one recording is made
 * through the API as a phone system makes it (PERMIT, started, stopped, content uploaded), and the
 * others are clones of its database rows with their own ids and call ids (every column the schema
 * has, read from {@code information_schema}, so the clones follow the migrations), each with a
 * content key row (the template's KEK id, random bytes of a wrapped key's length: disposal deletes
 * wrapped keys, it never unwraps them) and a blob file of the template's size with random bytes
 * (ciphertext is indistinguishable from them) where the service's blob store keeps it. All of them
 * become due in one commit, so the job finds them all at once.
 *
 * <p>The job runs every {@code insyn.recording.disposal.every}: 60 s in production, 1 s in the
 * bench stack ({@link Stack#OVERRIDES}). The time runs from the commit that made the recordings due
 * to the last receipt ({@code disposed_at}, the service's clock on this machine), so it includes up
 * to a second of waiting for the job's next tick. A warm-up disposal of 1 % as many recordings (at
 * least 100) runs first, so the large one does not run the job's code cold; its heap figures are
 * printed beside the large run's, so a job whose memory grew with the number of recordings would
 * show it.
 *
 * <p>Reference, same run, same disk, same PostgreSQL: the cheapest disposal there is. The same
 * number of cloned rows and key rows in copies of the two tables (same columns, constraints and
 * indexes) and the same number of blob files, then one transaction that DELETEs the due keys and
 * recordings, and a loop that unlinks the files. No receipts, no audit, no batches.
 */
final class DisposalScenario implements Scenario {

  /** Plaintext size of the template recording; the blob files are the size of its ciphertext. */
  private static final int CONTENT_BYTES = 4096;

  /** Ids per INSERT … SELECT when cloning. */
  private static final int CHUNK = 5_000;

  private static final String EVERY = "insyn.recording.disposal.every";

  @Override
  public String name() {
    return "disposal";
  }

  @Override
  public String describe() {
    return "records/s of the recording-service's disposal job with 100 000 due recordings, and its"
        + " peak heap; reference: plain DELETEs of the same rows and unlinking the same files";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes)
      throws Exception {
    int n = sizes.disposalRecordings();
    int warmup = Math.max(100, n / 100);
    ServiceProcess service = stack.suite().service(SuiteService.RECORDING);
    String url = stack.postgres().jdbcUrl("recording");
    String channel = Setup.channelWithPolicy(stack, Setup.optOutPurpose(stack));
    UUID template = UUID.fromString(Setup.capturedRecording(stack, channel));
    byte[] content = new byte[CONTENT_BYTES];
    new SplittableRandom().nextBytes(content);
    Api.put(
        stack.url(SuiteService.RECORDING) + "/api/v1/recordings/" + template + "/content",
        stack.client("demo-pbx", "recorder"),
        "audio/wav",
        content,
        201);
    Path blobs = stack.suite().workDirectory().resolve("recordings");
    Path templateBlob = blobs.resolve("recordings/" + template);
    if (!Files.isRegularFile(templateBlob)) {
      throw new IllegalStateException(
          "the template's blob is not at " + templateBlob + ": where does the store keep blobs?");
    }
    int blobBytes = (int) Files.size(templateBlob);

    try (Connection db = DriverManager.getConnection(url, "recording", "recording")) {
      Clones clones = new Clones(db, template);

      // Reference: the cheapest disposal of the same amount.
      Path refDir = stack.suite().workDirectory().resolve("bench-disposal-reference");
      double reference = plainDisposal(db, clones, refDir, n, blobBytes);

      if (!"1s".equals(Stack.OVERRIDES.get(SuiteService.RECORDING).get(EVERY))) {
        throw new IllegalStateException("the stack must run the disposal job every second");
      }
      try (HeapWatch heap = HeapWatch.attach(service.handle().orElseThrow())) {
        Run small = dispose(db, clones, blobs, "bench-warmup-disposal-", warmup, blobBytes, heap);
        Run large = dispose(db, clones, blobs, "bench-disposal-", n, blobBytes, heap);
        out.accept(Figure.of("disposal.rate", n / large.seconds(), "records/s").against(reference));
        out.accept(Figure.of("disposal.peak-heap", large.peakHeap(), "MiB"));
        out.accept(Figure.of("disposal.heap-after-gc", large.afterGc(), "MiB"));
        notes.add(
            String.format(
                "disposal: %d due recordings disposed in %.1f s (keys destroyed, %d-byte blob files"
                    + " deleted, receipts written; verified afterwards), from the commit that made"
                    + " them due to the last receipt, including up to 1 s until the job's next"
                    + " tick; reference: DELETE of the same rows in copies of the tables plus"
                    + " unlinking as many files, %.0f records/s",
                n, large.seconds(), blobBytes, reference));
        notes.add(
            String.format(
                "disposal: the recording-service's heap (limit %.0f MiB) read through JMX: peak ="
                    + " most in use (before any collection or in a 100 ms sample), after-gc = most"
                    + " still in use right after a collection (%d collections; an upper bound of"
                    + " what the job kept alive). For comparison, the warm-up run of %d recordings"
                    + " (%.1f s): peak %.0f MiB, after-gc %s",
                heap.limit(),
                large.collections(),
                warmup,
                small.seconds(),
                small.peakHeap(),
                small.collections() == 0
                    ? "n/a (no collection)"
                    : String.format("%.0f MiB", small.afterGc())));
      }
    }
    long before = AuditEvents.treeSize(stack);
    long t0 = System.nanoTime();
    long after = AuditEvents.awaitQuiet(stack, Duration.ofMinutes(sizes.smoke() ? 1 : 5));
    notes.add(
        String.format(
            "disposal: the receipts go to the audit-service through the recording-service's outbox"
                + " relay, in the background during the measurement as in production; %d more"
                + " reached the audit log after it (%.0f s until the log was quiet)",
            after - before, (System.nanoTime() - t0) / 1e9));
  }

  record Run(double seconds, double peakHeap, double afterGc, int collections) {}

  /**
   * Makes {@code count} clones due in one commit and waits until the service has disposed of them
   * all; then checks that their keys, bytes and receipts are as disposal leaves them.
   */
  private static Run dispose(
      Connection db,
      Clones clones,
      Path blobs,
      String prefix,
      int count,
      int blobBytes,
      HeapWatch heap)
      throws Exception {
    List<UUID> ids = ids(count);
    writeBlobs(blobs.resolve("recordings"), ids, blobBytes);
    db.setAutoCommit(false);
    clones.insert("recording", "content_key", ids, prefix);
    heap.reset();
    db.commit();
    Instant due = Instant.now();
    db.setAutoCommit(true);
    Duration limit = Duration.ofSeconds(120 + count / 50);
    long deadline = System.nanoTime() + limit.toNanos();
    // A cheap look (through the job's own index) once a second: the end time comes from the
    // receipts, so polling more often would only load the database the job is using.
    while (clones.anyLeft(prefix)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only "
                + clones.count(prefix, "disposal_stage = 'DISPOSED'")
                + " of "
                + count
                + " due recordings were disposed in "
                + limit);
      }
      Thread.sleep(1000);
    }
    double peak = heap.peak();
    double afterGc = heap.peakAfterGc();
    int collections = heap.collections();
    Instant last = clones.lastDisposedAt(prefix);
    long keys = clones.keysLeft(prefix);
    long receipts = clones.count(prefix, "disposal_receipt is not null");
    long bytes = ids.stream().filter(id -> Files.exists(blobs.resolve("recordings/" + id))).count();
    if (keys != 0 || receipts != count || bytes != 0) {
      throw new IllegalStateException(
          String.format(
              "disposal left %d keys and %d blob files, and wrote %d receipts for %d recordings",
              keys, bytes, receipts, count));
    }
    return new Run(Duration.between(due, last).toNanos() / 1e9, peak, afterGc, collections);
  }

  /** Records per second of the cheapest disposal of {@code count} recordings. */
  private static double plainDisposal(
      Connection db, Clones clones, Path dir, int count, int blobBytes) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute("drop table if exists bench_reference_recording");
      s.execute("drop table if exists bench_reference_content_key");
      s.execute("create table bench_reference_recording (like recording including all)");
      s.execute("create table bench_reference_content_key (like content_key including all)");
    }
    try {
      List<UUID> ids = ids(count);
      writeBlobs(dir, ids, blobBytes);
      db.setAutoCommit(false);
      clones.insert(
          "bench_reference_recording", "bench_reference_content_key", ids, "bench-reference-");
      db.commit();
      long t0 = System.nanoTime();
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "delete from bench_reference_content_key where content_id in"
                + " (select id from bench_reference_recording where delete_after <= now())");
        s.executeUpdate("delete from bench_reference_recording where delete_after <= now()");
      }
      db.commit();
      for (UUID id : ids) {
        Files.delete(dir.resolve(id.toString()));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      return count / seconds;
    } finally {
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        s.execute("drop table if exists bench_reference_recording");
        s.execute("drop table if exists bench_reference_content_key");
      }
      Scenarios.deleteTree(dir);
    }
  }

  private static List<UUID> ids(int count) {
    List<UUID> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(UUID.randomUUID());
    }
    return ids;
  }

  /** One file of random bytes per id, named by the id, as the filesystem blob store names them. */
  private static void writeBlobs(Path dir, List<UUID> ids, int bytes) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom();
    byte[] block = new byte[bytes];
    for (UUID id : ids) {
      random.nextBytes(block);
      try (OutputStream out = Files.newOutputStream(dir.resolve(id.toString()))) {
        out.write(block);
      }
    }
  }

  /** Clones of the template recording and its content key, by INSERT … SELECT. */
  private static final class Clones {

    private final Connection db;
    private final UUID template;
    private final List<String> recordingColumns;
    private final List<String> keyColumns;

    Clones(Connection db, UUID template) throws SQLException {
      this.db = db;
      this.template = template;
      this.recordingColumns = columns("recording");
      this.keyColumns = columns("content_key");
    }

    private List<String> columns(String table) throws SQLException {
      List<String> columns = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "select column_name from information_schema.columns where table_schema ="
                  + " current_schema() and table_name = ? order by ordinal_position")) {
        q.setString(1, table);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            columns.add(rs.getString(1));
          }
        }
      }
      return columns;
    }

    /**
     * Inserts a clone per id into {@code recordings} and {@code keys}: the template's values, but
     * its own id, call id, content hash and wrapped key, and due a minute ago. In the caller's
     * transaction.
     */
    void insert(String recordings, String keys, List<UUID> ids, String prefix) throws SQLException {
      String recordingValues =
          String.join(
              ", ",
              recordingColumns.stream()
                  .map(
                      c ->
                          switch (c) {
                            case "id" -> "u.id";
                            case "call_id" -> "cast(? as text) || u.id::text";
                            case "content_hash" -> "encode(sha256(uuid_send(u.id)), 'hex')";
                            case "delete_after" -> "now() - interval '1 minute'";
                            default -> "t." + c;
                          })
                  .toList());
      String keyValues =
          String.join(
              ", ",
              keyColumns.stream()
                  .map(
                      c ->
                          switch (c) {
                            case "content_id" -> "u.id";
                            // Random bytes of the template's wrapped key's length (up to 64).
                            case "wrapped_key" ->
                                "substring(uuid_send(gen_random_uuid())"
                                    + " || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())"
                                    + " || uuid_send(gen_random_uuid()) from 1 for length(t.wrapped_key))";
                            case "created_at" -> "now()";
                            default -> "t." + c;
                          })
                  .toList());
      try (PreparedStatement r =
              db.prepareStatement(
                  "insert into "
                      + recordings
                      + " ("
                      + String.join(", ", recordingColumns)
                      + ") select "
                      + recordingValues
                      + " from recording t, unnest(?) as u(id) where t.id = ?");
          PreparedStatement k =
              db.prepareStatement(
                  "insert into "
                      + keys
                      + " ("
                      + String.join(", ", keyColumns)
                      + ") select "
                      + keyValues
                      + " from content_key t, unnest(?) as u(id) where t.content_id = ?")) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
          Array chunk =
              db.createArrayOf(
                  "uuid", ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray());
          r.setString(1, prefix);
          r.setArray(2, chunk);
          r.setObject(3, template);
          k.setArray(1, chunk);
          k.setObject(2, template);
          int made = r.executeUpdate();
          int keyed = k.executeUpdate();
          if (made != keyed || made == 0) {
            throw new IllegalStateException(
                "cloned " + made + " recordings and " + keyed + " keys from " + template);
          }
        }
      }
    }

    long count(String prefix, String condition) throws SQLException {
      return one(
          "select count(*) from recording where channel_id = (select channel_id from recording"
              + " where id = ?) and call_id like ? and "
              + condition,
          rs -> rs.getLong(1),
          template,
          prefix + "%");
    }

    /** Whether any of these clones is not yet disposed; stops at the first one it finds. */
    boolean anyLeft(String prefix) throws SQLException {
      return one(
          "select exists (select 1 from recording where delete_after <= now()"
              + " and disposal_stage is distinct from 'DISPOSED' and call_id like ?)",
          rs -> rs.getBoolean(1),
          prefix + "%");
    }

    long keysLeft(String prefix) throws SQLException {
      return one(
          "select count(*) from content_key k join recording r on r.id = k.content_id"
              + " where r.call_id like ?",
          rs -> rs.getLong(1),
          prefix + "%");
    }

    Instant lastDisposedAt(String prefix) throws SQLException {
      return one(
          "select max(disposed_at) from recording where call_id like ?",
          rs -> rs.getTimestamp(1).toInstant(),
          prefix + "%");
    }

    /** The first column of the query's single row, read by {@code column}. */
    private <T> T one(String sql, Column<T> column, Object... params) throws SQLException {
      try (PreparedStatement q = db.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          q.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return column.get(rs);
        }
      }
    }
  }

  /** Reads a value from the current row. */
  @FunctionalInterface
  private interface Column<T> {
    T get(ResultSet rs) throws SQLException;
  }
}
