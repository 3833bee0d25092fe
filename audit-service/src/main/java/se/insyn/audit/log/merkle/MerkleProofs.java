package se.insyn.audit.log.merkle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tree heads and proofs of RFC 9162 §2.1 computed from stored perfect subtrees. Every RFC subtree
 * of a tree of size n is either perfect and aligned (one stored node) or lies on the right edge [a,
 * n) and is combined from the O(log n) perfect subtrees of its binary decomposition, so any head or
 * proof needs O(log n) stored nodes.
 */
public final class MerkleProofs {

  private static final byte[] PLACEHOLDER = new byte[32];

  private MerkleProofs() {}

  /** MTH(D[0:n]). */
  public static byte[] root(long n, NodeSource nodes) {
    return n == 0 ? MerkleHash.empty() : subtree(0, n, nodes);
  }

  /** PATH(m, D[0:n]) of RFC 9162 §2.1.3.1, for 0 ≤ m < n. */
  public static List<byte[]> inclusion(long m, long n, NodeSource nodes) {
    if (m < 0 || m >= n) {
      throw new IllegalArgumentException("leaf index must be below the tree size");
    }
    List<byte[]> proof = new ArrayList<>();
    path(m, 0, n, nodes, proof);
    return proof;
  }

  /** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1, for 0 < m ≤ n (empty when m = n). */
  public static List<byte[]> consistency(long m, long n, NodeSource nodes) {
    if (m <= 0 || m > n) {
      throw new IllegalArgumentException("sizes must satisfy 0 < from <= to");
    }
    List<byte[]> proof = new ArrayList<>();
    if (m < n) {
      subproof(m, 0, n, true, nodes, proof);
    }
    return proof;
  }

  /**
   * Verifies a consistency proof between two tree heads: the proof must lead from {@code firstRoot}
   * of a tree of size {@code first} to {@code secondRoot} of a tree of size {@code second}. It
   * replays SUBPROOF of RFC 9162 §2.1.4.1 backwards, rebuilding both roots from the proof's hashes
   * (equivalent to the iterative check of §2.1.4.2).
   */
  public static boolean verifyConsistency(
      long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
    if (first < 1 || first > second) {
      return false;
    }
    Deque<byte[]> remaining = new ArrayDeque<>(proof);
    byte[][] roots = replay(first, second, true, firstRoot, remaining);
    return roots != null
        && remaining.isEmpty()
        && Arrays.equals(roots[0], firstRoot)
        && Arrays.equals(roots[1], secondRoot);
  }

  /**
   * The roots of the old and the new tree within a subtree of {@code n} leaves whose first {@code
   * m} are old, taking the proof's hashes from its end (SUBPROOF appends them after recursing);
   * null when the proof runs short.
   */
  private static byte[][] replay(
      long m, long n, boolean complete, byte[] firstRoot, Deque<byte[]> proof) {
    if (m == n) {
      if (complete) {
        return new byte[][] {firstRoot, firstRoot};
      }
      byte[] node = proof.pollLast();
      return node == null ? null : new byte[][] {node, node};
    }
    long k = largestPowerOfTwoBelow(n);
    byte[] sibling = proof.pollLast();
    if (sibling == null) {
      return null;
    }
    if (m <= k) {
      byte[][] left = replay(m, k, complete, firstRoot, proof);
      return left == null ? null : new byte[][] {left[0], MerkleHash.node(left[1], sibling)};
    }
    byte[][] right = replay(m - k, n - k, false, firstRoot, proof);
    return right == null
        ? null
        : new byte[][] {MerkleHash.node(sibling, right[0]), MerkleHash.node(sibling, right[1])};
  }

  /**
   * The stored nodes a computation reads, found by running it once with placeholders, so that a
   * database-backed source can fetch them all in one round trip.
   */
  public static Set<NodeKey> nodesRead(java.util.function.Consumer<NodeSource> computation) {
    Set<NodeKey> keys = new LinkedHashSet<>();
    computation.accept(
        key -> {
          keys.add(key);
          return PLACEHOLDER;
        });
    return keys;
  }

  /** A source over fetched nodes that names the first missing one. */
  public static NodeSource of(Map<NodeKey, byte[]> fetched) {
    Map<NodeKey, byte[]> copy = new HashMap<>(fetched);
    return key -> {
      byte[] hash = copy.get(key);
      if (hash == null) {
        throw new MissingNodeException(key);
      }
      return hash;
    };
  }

  /** The perfect subtrees whose hashes make up a tree of size n, left to right. */
  public static List<NodeKey> decomposition(long start, long end) {
    List<NodeKey> keys = new ArrayList<>();
    long a = start;
    while (a < end) {
      int level = 63 - Long.numberOfLeadingZeros(end - a);
      while (a % (1L << level) != 0) {
        level--;
      }
      keys.add(new NodeKey(level, a >> level));
      a += 1L << level;
    }
    return keys;
  }

  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** MTH(D[a:b]) for an RFC subtree: perfect and aligned, or on the right edge. */
  static byte[] subtree(long a, long b, NodeSource nodes) {
    long size = b - a;
    if (Long.bitCount(size) == 1 && a % size == 0) {
      return nodes.hash(new NodeKey(Long.numberOfTrailingZeros(size), a / size));
    }
    long k = largestPowerOfTwoBelow(size);
    return MerkleHash.node(subtree(a, a + k, nodes), subtree(a + k, b, nodes));
  }

  private static void path(long m, long a, long b, NodeSource nodes, List<byte[]> proof) {
    if (b - a == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(b - a);
    if (m < a + k) {
      path(m, a, a + k, nodes, proof);
      proof.add(subtree(a + k, b, nodes));
    } else {
      path(m, a + k, b, nodes, proof);
      proof.add(subtree(a, a + k, nodes));
    }
  }

  private static void subproof(
      long m, long a, long b, boolean complete, NodeSource nodes, List<byte[]> proof) {
    if (m == b) {
      if (!complete) {
        proof.add(subtree(a, b, nodes));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(b - a);
    if (m <= a + k) {
      subproof(m, a, a + k, complete, nodes, proof);
      proof.add(subtree(a + k, b, nodes));
    } else {
      subproof(m, a + k, b, false, nodes, proof);
      proof.add(subtree(a, a + k, nodes));
    }
  }

  /** A node the computation needs is not stored (it was pruned, or never written). */
  public static final class MissingNodeException extends RuntimeException {

    private final transient NodeKey key;

    public MissingNodeException(NodeKey key) {
      super("Node " + key + " is not stored");
      this.key = key;
    }

    public NodeKey key() {
      return key;
    }
  }
}
