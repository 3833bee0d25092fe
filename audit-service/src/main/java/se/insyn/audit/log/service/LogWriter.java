package se.insyn.audit.log.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import se.insyn.audit.log.merkle.CompactRange;
import se.insyn.audit.log.merkle.MerkleHash;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.merkle.NodeKey;
import se.insyn.audit.log.merkle.Tiles;
import se.insyn.audit.log.repository.CheckpointRow;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogRepository;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.problem.ProblemTypes;

/**
 * The transactions that append to the log. Each one locks the single {@code log_head} row (so leaf
 * indices stay dense and appends never interleave, across replicas too), writes the new events, the
 * subtree hashes they complete at the stored levels ({@link Tiles}) and one signed checkpoint, and
 * commits.
 */
@ApplicationScoped
class LogWriter {

  private final LogRepository repository;
  private final CheckpointSigner signer;

  LogWriter(LogRepository repository, CheckpointSigner signer) {
    this.repository = repository;
    this.signer = signer;
  }

  /** A batch of one request: its rows and their leaf hashes, computed before the lock is taken. */
  record Batch(List<LeafRow> rows, List<byte[]> leafHashes) {

    static Batch of(List<LeafRow> rows) {
      List<byte[]> hashes = new ArrayList<>(rows.size());
      for (LeafRow row : rows) {
        hashes.add(MerkleHash.leaf(row.leafInput().getBytes(StandardCharsets.UTF_8)));
      }
      return new Batch(List.copyOf(rows), List.copyOf(hashes));
    }
  }

  /**
   * What became of one batch: appended ({@code result}) or refused as a whole ({@code refusal}).
   */
  record Outcome(AppendResult result, ProblemException refusal) {}

  /**
   * The log as an append will leave it once committed: its size and edge, and the ids and
   * "source#sequence" pairs that it and the appends before it that may not have committed yet add
   * (newest first; at most {@link GroupCommit#MAX_IN_FLIGHT} - 1 of them). The append after it may
   * be written on top of it before it commits ({@link #appendBehind}).
   */
  record Plan(long treeSize, byte[] edge, List<Set<UUID>> ids, List<Set<String>> sequences) {

    /** The plan of an append with nothing before it in flight. */
    static Plan first(long treeSize, byte[] edge, Set<UUID> ids, Set<String> sequences) {
      return new Plan(treeSize, edge, List.of(ids), List.of(sequences));
    }

    /** The plan of an append written behind {@code base}. */
    Plan next(long size, byte[] newEdge, Set<UUID> added, Set<String> addedSequences) {
      return new Plan(size, newEdge, recent(added, ids), recent(addedSequences, sequences));
    }

    private static <T> List<Set<T>> recent(Set<T> newest, List<Set<T>> before) {
      List<Set<T>> all = new ArrayList<>(GroupCommit.MAX_IN_FLIGHT - 1);
      all.add(newest);
      all.addAll(before.subList(0, Math.min(before.size(), GroupCommit.MAX_IN_FLIGHT - 2)));
      return List.copyOf(all);
    }
  }

  /** The log did not end where an append written behind another expected it to; roll back. */
  static final class NotAsPlanned extends RuntimeException {
    NotAsPlanned(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * How long an append written behind another waits for any lock before it gives up (and is written
   * again the ordinary way). Such an append waits for a lock only when something outside this
   * replica's appends holds it: another replica's append or the retention job.
   */
  static final String BEHIND_LOCK_TIMEOUT = "200ms";

  /**
   * Appends several batches in one transaction, as if one after the other in the given order: per
   * batch, the events whose id is not in the log yet (nor in an earlier batch of the group) are
   * appended, unless one of them takes a {@code (source, sequence)} pair that is already taken,
   * which refuses that batch alone (409) and stores none of it. Every appended batch reports the
   * tree size after the whole group, the size of the checkpoint signed in the same transaction.
   *
   * @param planned told what the log will be once this transaction commits, as soon as that is
   *     known (with the head lock held, before the rows are written)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Outcome> appendAll(List<Batch> batches, Consumer<Plan> planned) {
    Keys keys = Keys.of(batches);
    LogRepository.AppendBase base = repository.lockHeadFor(keys.ids, keys.sources, keys.sequences);
    Selection selection = Selection.of(batches, base.storedIds(), base.takenSequences());
    long size = base.head().treeSize();
    Extension extension = extend(edgeOf(base), selection.freshHashes);
    planned.accept(
        Plan.first(
            extension.treeSize(), extension.edge(), selection.addedIds, selection.addedSequences));
    if (!selection.fresh.isEmpty()) {
      repository.writeAppend(
          size,
          selection.fresh,
          selection.freshHashes,
          extension.nodes(),
          extension.edge(),
          extension.checkpoint());
    }
    return selection.outcomes(batches, extension.treeSize());
  }

  /**
   * Appends the batches like {@link #appendAll}, but on top of an append that may not have
   * committed yet ({@code base}, its plan), without waiting for the head lock first: the events go
   * in at the indices after it while it is still being written. Only then does this transaction
   * wait for it ({@code baseCommitted}), take the head lock and move the head on, provided the log
   * ends where {@code base} said it would; otherwise it throws {@link NotAsPlanned} (or the
   * storage's error, when its rows collide with rows stored meanwhile) and rolls back, and the
   * batches must be written again by {@link #appendAll}.
   *
   * <p>What this saves is the time the database takes to insert the rows, which now overlaps the
   * end of the append before. What it risks is only wasted work: the rows are invisible until the
   * commit, the head moves only from the expected size and edge, and the unique keys on leaf index,
   * id and sequence refuse anything the plan got wrong.
   *
   * @param baseCommitted waits until the append of {@code base} has ended; whether it committed as
   *     planned
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Outcome> appendBehind(
      Plan base, List<Batch> batches, Consumer<Plan> planned, BooleanSupplier baseCommitted) {
    Keys keys = Keys.of(batches);
    LogRepository.Taken taken =
        repository.takenWithLockTimeout(
            keys.ids, keys.sources, keys.sequences, BEHIND_LOCK_TIMEOUT);
    // What the appends still in flight add is not visible yet: count it as taken. (The ones
    // before them have committed: a group starts only when fewer than MAX_IN_FLIGHT are.)
    base.ids().forEach(taken.ids()::addAll);
    base.sequences().forEach(taken.sequences()::addAll);
    Selection selection = Selection.of(batches, taken.ids(), taken.sequences());
    CompactRange edge =
        CompactRange.ofEdgeHashes(base.treeSize(), base.edge())
            .orElseThrow(() -> new NotAsPlanned("the planned edge does not fit the planned size"));
    Extension extension = extend(edge, selection.freshHashes);
    planned.accept(
        base.next(
            extension.treeSize(), extension.edge(), selection.addedIds, selection.addedSequences));
    if (!selection.fresh.isEmpty()) {
      repository.insertEvents(base.treeSize(), selection.fresh, selection.freshHashes);
    }
    if (!baseCommitted.getAsBoolean()) {
      throw new NotAsPlanned("the append before did not commit as planned");
    }
    if (!selection.fresh.isEmpty()
        && !repository.advanceHead(
            base.treeSize(),
            base.edge(),
            extension.nodes(),
            extension.edge(),
            extension.checkpoint())) {
      throw new NotAsPlanned("the log does not end where the append before planned");
    }
    return selection.outcomes(batches, extension.treeSize());
  }

  /** The ids and the (source, sequence) pairs of a group, for the look-ups before an append. */
  private record Keys(List<UUID> ids, List<String> sources, List<Long> sequences) {

    static Keys of(List<Batch> batches) {
      Keys keys = new Keys(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (Batch batch : batches) {
        for (LeafRow row : batch.rows()) {
          keys.ids.add(row.id());
          if (row.sequence() != null) {
            keys.sources.add(row.source());
            keys.sequences.add(row.sequence());
          }
        }
      }
      return keys;
    }
  }

  /**
   * Which rows of a group are appended, in order, given the ids and pairs already taken; and per
   * batch, how many were accepted or why it was refused.
   */
  private static final class Selection {

    final List<LeafRow> fresh = new ArrayList<>();
    final List<byte[]> freshHashes = new ArrayList<>();
    final Set<UUID> addedIds = new HashSet<>();
    final Set<String> addedSequences = new HashSet<>();
    final int[] accepted;
    final ProblemException[] refusals;

    private Selection(int batches) {
      accepted = new int[batches];
      refusals = new ProblemException[batches];
    }

    static Selection of(List<Batch> batches, Set<UUID> stored, Set<String> taken) {
      Selection selection = new Selection(batches.size());
      for (int b = 0; b < batches.size(); b++) {
        Batch batch = batches.get(b);
        Set<UUID> newIds = new HashSet<>();
        Set<String> newSequences = new HashSet<>();
        List<Integer> picked = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < batch.rows().size(); i++) {
          LeafRow row = batch.rows().get(i);
          if (stored.contains(row.id()) || !newIds.add(row.id())) {
            continue;
          }
          picked.add(i);
          if (row.sequence() != null) {
            String key = row.source() + "#" + row.sequence();
            if (taken.contains(key) || !newSequences.add(key)) {
              violations.add(
                  new Problem.Violation(
                      row.field() + ".sequence",
                      "sequence " + row.sequence() + " of " + row.source() + " is already taken"));
            }
          }
        }
        if (!violations.isEmpty()) {
          selection.refusals[b] =
              new ProblemException(
                  409,
                  ProblemTypes.CONFLICT,
                  "Conflict",
                  "Another event already has this sequence number; nothing of the batch was"
                      + " stored.",
                  violations);
          continue;
        }
        stored.addAll(newIds);
        taken.addAll(newSequences);
        selection.addedIds.addAll(newIds);
        selection.addedSequences.addAll(newSequences);
        for (int i : picked) {
          selection.fresh.add(batch.rows().get(i));
          selection.freshHashes.add(batch.leafHashes().get(i));
        }
        selection.accepted[b] = picked.size();
      }
      return selection;
    }

    List<Outcome> outcomes(List<Batch> batches, long treeSize) {
      List<Outcome> outcomes = new ArrayList<>(batches.size());
      for (int b = 0; b < batches.size(); b++) {
        outcomes.add(
            refusals[b] != null
                ? new Outcome(null, refusals[b])
                : new Outcome(
                    new AppendResult(
                        accepted[b], batches.get(b).rows().size() - accepted[b], treeSize),
                    null));
      }
      return outcomes;
    }
  }

  /**
   * The tree after appending {@code leafHashes} to {@code edge}: its size and edge, the subtree
   * hashes completed at the stored levels, and its signed checkpoint (none when nothing is added).
   */
  private record Extension(
      long treeSize, byte[] edge, Map<NodeKey, byte[]> nodes, CheckpointRow checkpoint) {}

  private Extension extend(CompactRange edge, List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return new Extension(edge.size(), edge.edgeHashes(), Map.of(), null);
    }
    Map<NodeKey, byte[]> completed = new LinkedHashMap<>();
    for (byte[] leafHash : leafHashes) {
      edge.append(
          leafHash,
          (key, hash) -> {
            if (key.level() > 0 && Tiles.stored(key.level())) {
              completed.put(key, hash);
            }
          });
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] root = edge.root();
    return new Extension(
        edge.size(),
        edge.edgeHashes(),
        completed,
        new CheckpointRow(
            edge.size(), root, now, signer.keyId(), signer.sign(edge.size(), root, now)));
  }

  /**
   * Appends one event of this service in its own transaction; it is built once the lock is held,
   * from the next gap-free sequence number of {@code source}.
   *
   * @return the event's leaf index
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long appendOwn(String source, LongFunction<LeafRow> withSequence) {
    LogRepository.AppendBase base = repository.lockHeadFor(List.of(), List.of(), List.of());
    LeafRow row = withSequence.apply(repository.maxSequence(source) + 1);
    Batch batch = Batch.of(List.of(row));
    appendLocked(base, batch.rows(), batch.leafHashes());
    return base.head().treeSize();
  }

  /**
   * The tree's edge at the locked head: the one stored with it, or, when that is missing or does
   * not fit, the one read from the stored subtree hashes.
   */
  private CompactRange edgeOf(LogRepository.AppendBase base) {
    long size = base.head().treeSize();
    return CompactRange.ofEdgeHashes(size, base.edge())
        .orElseGet(
            () ->
                CompactRange.of(
                    size, MerkleProofs.of(repository.nodes(MerkleProofs.decomposition(0, size)))));
  }

  /** Writes rows at the end of the log; the caller holds the head lock ({@code base}). */
  private void appendLocked(
      LogRepository.AppendBase base, List<LeafRow> fresh, List<byte[]> leafHashes) {
    Extension extension = extend(edgeOf(base), leafHashes);
    repository.writeAppend(
        base.head().treeSize(),
        fresh,
        leafHashes,
        extension.nodes(),
        extension.edge(),
        extension.checkpoint());
  }
}
