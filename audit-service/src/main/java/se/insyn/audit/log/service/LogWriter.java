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
import java.util.function.LongFunction;
import se.insyn.audit.log.merkle.CompactRange;
import se.insyn.audit.log.merkle.MerkleHash;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.merkle.NodeKey;
import se.insyn.audit.log.merkle.Tiles;
import se.insyn.audit.log.repository.CheckpointRow;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogHead;
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
   * Appends several batches in one transaction, as if one after the other in the given order: per
   * batch, the events whose id is not in the log yet (nor in an earlier batch of the group) are
   * appended, unless one of them takes a {@code (source, sequence)} pair that is already taken,
   * which refuses that batch alone (409) and stores none of it. Every appended batch reports the
   * tree size after the whole group, the size of the checkpoint signed in the same transaction.
   *
   * <p>Without {@code lookUp}, the transaction assumes that none of the ids and sequence numbers is
   * in the log yet and does not read them: the insert's unique indexes check that anyway, and
   * looking up a batch of random ids in a large index costs about as much as inserting them. When
   * the assumption fails (an emitter's retry, a number taken twice), the insert throws {@link
   * LogRepository.AlreadyStored} and nothing of the transaction stays; write the same batches again
   * with {@code lookUp}, which reads what is stored under the lock and decides per batch as above.
   *
   * @throws LogRepository.AlreadyStored without {@code lookUp}, when an id or a sequence number of
   *     the batches is taken in the log
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Outcome> appendAll(List<Batch> batches, boolean lookUp) {
    LogRepository.AppendBase base;
    if (lookUp) {
      List<UUID> ids = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      List<Long> sequences = new ArrayList<>();
      for (Batch batch : batches) {
        for (LeafRow row : batch.rows()) {
          ids.add(row.id());
          if (row.sequence() != null) {
            sources.add(row.source());
            sequences.add(row.sequence());
          }
        }
      }
      base = repository.lockHeadFor(ids, sources, sequences);
    } else {
      base = repository.lockHeadForNew();
    }
    Set<UUID> stored = base.storedIds();
    Set<String> taken = base.takenSequences();

    List<LeafRow> fresh = new ArrayList<>();
    List<byte[]> freshHashes = new ArrayList<>();
    int[] accepted = new int[batches.size()];
    ProblemException[] refusals = new ProblemException[batches.size()];
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
        refusals[b] =
            new ProblemException(
                409,
                ProblemTypes.CONFLICT,
                "Conflict",
                "Another event already has this sequence number; nothing of the batch was stored.",
                violations);
        continue;
      }
      stored.addAll(newIds);
      taken.addAll(newSequences);
      for (int i : picked) {
        fresh.add(batch.rows().get(i));
        freshHashes.add(batch.leafHashes().get(i));
      }
      accepted[b] = picked.size();
    }

    long size = write(base, fresh, freshHashes);
    List<Outcome> outcomes = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      outcomes.add(
          refusals[b] != null
              ? new Outcome(null, refusals[b])
              : new Outcome(
                  new AppendResult(accepted[b], batches.get(b).rows().size() - accepted[b], size),
                  null));
    }
    return outcomes;
  }

  /**
   * Appends one event of this service in its own transaction; it is built once the lock is held,
   * from the next gap-free sequence number of {@code source}.
   *
   * @return the event's leaf index
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long appendOwn(String source, LongFunction<LeafRow> withSequence) {
    LogRepository.AppendBase base = repository.lockHeadForNew();
    LeafRow row = withSequence.apply(repository.maxSequence(source) + 1);
    Batch batch = Batch.of(List.of(row));
    write(base, batch.rows(), batch.leafHashes());
    return base.head().treeSize();
  }

  /** Where to prune to, decided under the head lock from the head as it is then. */
  interface PruneBoundary {
    long below(LogHead head);
  }

  /** The event that records a pruning, built under the lock from its sequence and boundaries. */
  interface PruneRecord {
    LeafRow row(long sequence, long previousPrunedBelow, long prunedBelow);
  }

  /**
   * Prunes the leaves below the boundary and appends the event that records it, in one transaction,
   * so the checkpoint signed with that event covers the new boundary (R49, R58): no boundary is
   * ever stored that no signed leaf states.
   *
   * @return the first leaf still stored
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long prune(String source, PruneBoundary boundary, PruneRecord record) {
    LogRepository.AppendBase base = repository.lockHeadForNew();
    LogHead head = base.head();
    long below = Math.min(boundary.below(head), head.treeSize());
    if (below <= head.prunedBelow()) {
      return head.prunedBelow();
    }
    long sequence = repository.maxSequence(source) + 1;
    repository.prune(below, repository.nodes(MerkleProofs.decomposition(0, below)));
    Batch batch = Batch.of(List.of(record.row(sequence, head.prunedBelow(), below)));
    write(
        new LogRepository.AppendBase(
            new LogHead(head.treeSize(), below),
            base.edge(),
            base.storedIds(),
            base.takenSequences()),
        batch.rows(),
        batch.leafHashes());
    return below;
  }

  /**
   * Writes the fresh rows at the end of the log, in one statement; the caller holds the head lock.
   * The tree is extended from the edge stored with the head, or, when that is missing or does not
   * fit, from the stored subtree hashes.
   */
  private long write(LogRepository.AppendBase base, List<LeafRow> fresh, List<byte[]> leafHashes) {
    LogHead head = base.head();
    if (fresh.isEmpty()) {
      return head.treeSize();
    }
    CompactRange edge =
        CompactRange.ofEdgeHashes(head.treeSize(), base.edge())
            .orElseGet(
                () ->
                    CompactRange.of(
                        head.treeSize(),
                        MerkleProofs.of(
                            repository.nodes(MerkleProofs.decomposition(0, head.treeSize())))));
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
    repository.writeAppend(
        head.treeSize(),
        fresh,
        leafHashes,
        completed,
        new LogHead(edge.size(), head.prunedBelow()),
        edge.edgeHashes(),
        new CheckpointRow(
            edge.size(), root, now, signer.keyId(), signer.sign(edge.size(), root, now)));
    return edge.size();
  }
}
