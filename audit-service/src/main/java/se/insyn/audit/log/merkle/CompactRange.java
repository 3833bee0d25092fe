package se.insyn.audit.log.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The right edge of the tree: the perfect subtrees of the binary decomposition of its size.
 * Appending a leaf merges equal-sized neighbours, which yields every newly completed perfect
 * subtree exactly once; the root is the right-to-left fold of the edge (RFC 9162 §2.1.1).
 */
public final class CompactRange {

  private static final int HASH_LENGTH = 32;

  private final List<NodeKey> keys = new ArrayList<>();
  private final List<byte[]> hashes = new ArrayList<>();
  private long size;

  private CompactRange(long size) {
    this.size = size;
  }

  /** The edge of a tree of the given size, read from its stored decomposition nodes. */
  public static CompactRange of(long size, NodeSource nodes) {
    CompactRange range = new CompactRange(size);
    for (NodeKey key : MerkleProofs.decomposition(0, size)) {
      range.keys.add(key);
      range.hashes.add(nodes.hash(key));
    }
    return range;
  }

  /**
   * The edge of a tree of the given size from its hashes concatenated left to right (as {@link
   * #edgeHashes()} writes them); empty when they do not fit the size.
   */
  public static Optional<CompactRange> ofEdgeHashes(long size, byte[] concatenated) {
    List<NodeKey> decomposition = MerkleProofs.decomposition(0, size);
    if (concatenated == null || concatenated.length != decomposition.size() * HASH_LENGTH) {
      return Optional.empty();
    }
    CompactRange range = new CompactRange(size);
    for (int i = 0; i < decomposition.size(); i++) {
      range.keys.add(decomposition.get(i));
      range.hashes.add(Arrays.copyOfRange(concatenated, i * HASH_LENGTH, (i + 1) * HASH_LENGTH));
    }
    return Optional.of(range);
  }

  /** The hashes of the edge's subtrees, left to right, concatenated (32 bytes each). */
  public byte[] edgeHashes() {
    byte[] out = new byte[hashes.size() * HASH_LENGTH];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(hashes.get(i), 0, out, i * HASH_LENGTH, HASH_LENGTH);
    }
    return out;
  }

  public static CompactRange empty() {
    return new CompactRange(0);
  }

  public long size() {
    return size;
  }

  /**
   * Appends one leaf hash; {@code completed} receives every perfect subtree it completes, the leaf
   * itself (level 0) included.
   */
  public void append(byte[] leafHash, BiConsumer<NodeKey, byte[]> completed) {
    NodeKey key = new NodeKey(0, size);
    byte[] hash = leafHash;
    completed.accept(key, hash);
    while (!keys.isEmpty() && keys.get(keys.size() - 1).level() == key.level()) {
      int last = keys.size() - 1;
      hash = MerkleHash.node(hashes.get(last), hash);
      key = new NodeKey(key.level() + 1, key.index() >> 1);
      keys.remove(last);
      hashes.remove(last);
      completed.accept(key, hash);
    }
    keys.add(key);
    hashes.add(hash);
    size++;
  }

  public byte[] root() {
    if (hashes.isEmpty()) {
      return MerkleHash.empty();
    }
    byte[] acc = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      acc = MerkleHash.node(hashes.get(i), acc);
    }
    return acc;
  }
}
