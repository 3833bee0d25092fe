package se.insyn.audit.log.merkle;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which perfect subtrees are stored, and how the others are read. Appends store the subtrees whose
 * level is a multiple of {@link #HEIGHT} (leaves are level 0, kept with their events); a subtree in
 * between is combined from at most {@code 2^(HEIGHT-1)} stored ones below it, read in the same
 * query. That keeps reads per proof O(log n) while an append writes about one subtree row per
 * {@code 2^HEIGHT} events instead of one per event.
 *
 * <p>Subtrees stored at other levels are used as they are: logs written before tiles, and the
 * subtrees kept when a prefix of the log is pruned.
 */
public final class Tiles {

  /** Subtrees at levels 0, 4, 8, … are stored. */
  public static final int HEIGHT = 4;

  private Tiles() {}

  /** Whether an append stores the subtree hashes of this level. */
  public static boolean stored(int level) {
    return level % HEIGHT == 0;
  }

  /**
   * The hashes of {@code wanted}: stored ones as stored, the others combined from stored subtrees
   * below them, all read with one call of {@code read}. A subtree that can be neither read nor
   * combined is absent from the answer.
   *
   * @param read the stored hashes among the given subtrees (missing ones absent)
   */
  public static Map<NodeKey, byte[]> resolve(
      Collection<NodeKey> wanted, Function<Set<NodeKey>, Map<NodeKey, byte[]>> read) {
    Set<NodeKey> candidates = new HashSet<>();
    for (NodeKey key : wanted) {
      addWithDescendants(key, floor(key), candidates);
    }
    Map<NodeKey, byte[]> known = new HashMap<>(read.apply(candidates));
    Map<NodeKey, byte[]> out = new HashMap<>();
    for (NodeKey key : wanted) {
      byte[] hash = combine(key, floor(key), known);
      if (hash != null) {
        out.put(key, hash);
      }
    }
    return out;
  }

  /** The stored level a subtree is combined from when it is not stored itself. */
  private static int floor(NodeKey key) {
    return key.level() - key.level() % HEIGHT;
  }

  private static void addWithDescendants(NodeKey key, int floor, Set<NodeKey> into) {
    if (!into.add(key) || key.level() <= floor) {
      return;
    }
    int child = key.level() - 1;
    addWithDescendants(new NodeKey(child, key.index() * 2), floor, into);
    addWithDescendants(new NodeKey(child, key.index() * 2 + 1), floor, into);
  }

  /**
   * The key's hash from {@code known}, or combined from its descendants down to {@code floor}
   * (remembered once combined); null when neither works.
   */
  private static byte[] combine(NodeKey key, int floor, Map<NodeKey, byte[]> known) {
    byte[] hash = known.get(key);
    if (hash != null || key.level() <= floor) {
      return hash;
    }
    int child = key.level() - 1;
    byte[] left = combine(new NodeKey(child, key.index() * 2), floor, known);
    byte[] right =
        left == null ? null : combine(new NodeKey(child, key.index() * 2 + 1), floor, known);
    if (right == null) {
      return null;
    }
    hash = MerkleHash.node(left, right);
    known.put(key, hash);
    return hash;
  }
}
