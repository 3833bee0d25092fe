package se.insyn.audit.log.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import se.insyn.audit.log.merkle.CompactRange;
import se.insyn.audit.log.merkle.MerkleHash;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.merkle.NodeKey;
import se.insyn.audit.log.merkle.NodeSource;
import se.insyn.audit.log.repository.CheckpointRow;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogHead;
import se.insyn.audit.log.repository.LogRepository;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.problem.ProblemTypes;

/**
 * The append-only Merkle log. Appends hold the head row lock, hash the batch in memory, and write
 * events, newly completed subtree hashes and a signed checkpoint in batches; proofs read the O(log
 * n) stored subtrees they need in one query.
 */
@ApplicationScoped
public class LogService {

  private final LogRepository repository;
  private final CheckpointSigner signer;

  LogService(LogRepository repository, CheckpointSigner signer) {
    this.repository = repository;
    this.signer = signer;
  }

  /**
   * Appends the events not yet in the log (by id), all or none, in the caller's transaction.
   *
   * @throws ProblemException 409 naming the field when a source's sequence number is already taken
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AppendResult append(List<LeafRow> rows) {
    LogHead head = repository.lockHead();
    Set<UUID> stored = repository.existingIds(rows.stream().map(LeafRow::id).toList());
    List<LeafRow> fresh = new ArrayList<>();
    Set<UUID> seen = new HashSet<>(stored);
    for (LeafRow row : rows) {
      if (seen.add(row.id())) {
        fresh.add(row);
      }
    }
    rejectTakenSequences(fresh);
    long size = write(head, fresh);
    return new AppendResult(fresh.size(), rows.size() - fresh.size(), size);
  }

  /**
   * Appends one event of this service in its own transaction, so that it is kept even when the
   * request that caused it is refused. The event is built once the lock is held, from the next
   * gap-free sequence number of {@code source}.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long appendOwn(String source, LongFunction<LeafRow> withSequence) {
    LogHead head = repository.lockHead();
    LeafRow row = withSequence.apply(repository.maxSequence(source) + 1);
    write(head, List.of(row));
    return head.treeSize();
  }

  @Transactional
  public LogHead head() {
    return repository.head();
  }

  @Transactional
  public Checkpoint latestCheckpoint() {
    return repository
        .latestCheckpoint()
        .map(LogService::toCheckpoint)
        .orElseThrow(() -> ProblemException.notFound("The log is empty; nothing is signed yet."));
  }

  /** RFC 9162 §2.1.3 audit path for a leaf in a tree of the given size. */
  @Transactional
  public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
    checkSize(treeSize);
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw invalid("leafIndex", "must be at least 0 and below treeSize");
    }
    return readThrough(nodes -> MerkleProofs.inclusion(leafIndex, treeSize, nodes));
  }

  /** RFC 9162 §2.1.4 consistency proof between two tree sizes. */
  @Transactional
  public List<byte[]> consistencyProof(long from, long to) {
    checkSize(to);
    if (from < 1 || from > to) {
      throw invalid("from", "must be at least 1 and at most to");
    }
    return readThrough(nodes -> MerkleProofs.consistency(from, to, nodes));
  }

  /** The root hash of the tree of the given size. */
  @Transactional
  public byte[] rootHash(long treeSize) {
    checkSize(treeSize);
    return readThrough(nodes -> MerkleProofs.root(treeSize, nodes));
  }

  /** Leaves [start, end) with their leaf inputs, in index order. */
  @Transactional
  public void entries(long start, long end, Consumer<LogRepository.StoredLeaf> each) {
    LogHead head = repository.head();
    if (start < head.prunedBelow()) {
      throw invalid("start", "entries below " + head.prunedBelow() + " were pruned");
    }
    repository.leaves(start, Math.min(end, head.treeSize()), each);
  }

  private long write(LogHead head, List<LeafRow> fresh) {
    if (fresh.isEmpty()) {
      return head.treeSize();
    }
    CompactRange edge =
        CompactRange.of(
            head.treeSize(),
            MerkleProofs.of(repository.nodes(MerkleProofs.decomposition(0, head.treeSize()))));
    Map<NodeKey, byte[]> completed = new LinkedHashMap<>();
    List<byte[]> leafHashes = new ArrayList<>(fresh.size());
    for (LeafRow row : fresh) {
      byte[] leafHash =
          MerkleHash.leaf(row.leafInput().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      leafHashes.add(leafHash);
      edge.append(
          leafHash,
          (key, hash) -> {
            if (key.level() > 0) {
              completed.put(key, hash);
            }
          });
    }
    repository.insertEvents(head.treeSize(), fresh, leafHashes);
    repository.insertNodes(completed);
    repository.updateHead(new LogHead(edge.size(), head.prunedBelow()));
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] root = edge.root();
    repository.insertCheckpoint(
        new CheckpointRow(
            edge.size(), root, now, signer.keyId(), signer.sign(edge.size(), root, now)));
    return edge.size();
  }

  private <T> T readThrough(java.util.function.Function<NodeSource, T> computation) {
    Set<NodeKey> needed = MerkleProofs.nodesRead(computation::apply);
    try {
      return computation.apply(MerkleProofs.of(repository.nodes(needed)));
    } catch (MerkleProofs.MissingNodeException e) {
      throw new ProblemException(
          410,
          ProblemTypes.HTTP,
          "Gone",
          "Part of this proof lies in the pruned prefix of the log.",
          List.of());
    }
  }

  private void checkSize(long treeSize) {
    long size = repository.head().treeSize();
    if (treeSize < 1 || treeSize > size) {
      throw invalid("treeSize", "must be between 1 and the current tree size " + size);
    }
  }

  private void rejectTakenSequences(List<LeafRow> fresh) {
    List<LeafRow> sequenced = fresh.stream().filter(r -> r.sequence() != null).toList();
    if (sequenced.isEmpty()) {
      return;
    }
    Set<String> taken =
        repository.takenSequences(
            sequenced.stream().map(LeafRow::source).toList(),
            sequenced.stream().map(LeafRow::sequence).toList());
    Set<String> inBatch = new HashSet<>();
    List<Problem.Violation> violations = new ArrayList<>();
    for (LeafRow row : sequenced) {
      String key = row.source() + "#" + row.sequence();
      if (taken.contains(key) || !inBatch.add(key)) {
        violations.add(
            new Problem.Violation(
                row.field() + ".sequence",
                "sequence " + row.sequence() + " of " + row.source() + " is already taken"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(
          409,
          ProblemTypes.CONFLICT,
          "Conflict",
          "Another event already has this sequence number; nothing of the batch was stored.",
          violations);
    }
  }

  private static ProblemException invalid(String field, String message) {
    return ProblemException.badRequest(
        "Field '" + field + "' " + message + ".", List.of(new Problem.Violation(field, message)));
  }

  static Checkpoint toCheckpoint(CheckpointRow row) {
    return new Checkpoint(
        row.treeSize(), row.rootHash(), row.signedAt(), row.keyId(), row.signature());
  }
}
