package se.insyn.audit.log.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
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
 * The append-only Merkle log. Appends hash their leaves before they queue for the head row lock;
 * whoever holds it writes every queued batch in one transaction ({@link GroupCommit}, {@link
 * LogWriter}). Proofs read the O(log n) stored subtrees they need in one query.
 */
@ApplicationScoped
public class LogService {

  private final LogRepository repository;
  private final LogWriter writer;
  private final GroupCommit groups;

  LogService(LogRepository repository, LogWriter writer, GroupCommit groups) {
    this.repository = repository;
    this.writer = writer;
    this.groups = groups;
  }

  /**
   * Appends the events not yet in the log (by id), all or none, and returns once they are committed
   * (durable). Runs in a transaction of its own, shared with the batches of other requests that
   * arrive meanwhile (see {@link GroupCommit}); never call it inside a transaction that must
   * contain the append.
   *
   * @throws ProblemException 409 naming the field when a source's sequence number is already taken
   */
  public AppendResult append(List<LeafRow> rows) {
    return groups.append(rows);
  }

  /**
   * Appends one event of this service in its own transaction, so that it is kept even when the
   * request that caused it is refused. The event is built once the lock is held, from the next
   * gap-free sequence number of {@code source}.
   *
   * @return the event's leaf index
   */
  public long appendOwn(String source, LongFunction<LeafRow> withSequence) {
    return writer.appendOwn(source, withSequence);
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

  private static ProblemException invalid(String field, String message) {
    return ProblemException.badRequest(
        "Field '" + field + "' " + message + ".", List.of(new Problem.Violation(field, message)));
  }

  static Checkpoint toCheckpoint(CheckpointRow row) {
    return new Checkpoint(
        row.treeSize(), row.rootHash(), row.signedAt(), row.keyId(), row.signature());
  }
}
