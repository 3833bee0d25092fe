package se.insyn.audit.log.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Subtrees between the stored tile levels are combined from stored ones, in one read, also after a
 * prefix of the log was pruned down to the subtrees later proofs need.
 */
class TilesTest {

  @Test
  void everySubtreeIsReadOrCombinedInOneReadAndEqualsTheFullTree() {
    Random random = new Random(4);
    for (int round = 0; round < 40; round++) {
      long n = 1 + random.nextInt(700);
      Map<NodeKey, byte[]> full = fullTree(n, random);
      Map<NodeKey, byte[]> stored = new HashMap<>();
      full.forEach(
          (key, hash) -> {
            if (Tiles.stored(key.level())) {
              stored.put(key, hash);
            }
          });
      List<NodeKey> wanted = new ArrayList<>(full.keySet());
      int[] reads = {0};
      Map<NodeKey, byte[]> got = Tiles.resolve(wanted, counting(stored, reads));
      assertEquals(1, reads[0]);
      assertEquals(full.size(), got.size());
      full.forEach((key, hash) -> assertArrayEquals(hash, got.get(key), key::toString));
    }
  }

  @Test
  void afterPruningTheKeptSubtreesAndEverythingAfterThemStillResolve() {
    Random random = new Random(9162);
    for (int round = 0; round < 40; round++) {
      long n = 2 + random.nextInt(700);
      long boundary = 1 + random.nextInt((int) n - 1);
      Map<NodeKey, byte[]> full = fullTree(n, random);
      Map<NodeKey, byte[]> stored = new HashMap<>();
      full.forEach(
          (key, hash) -> {
            if (Tiles.stored(key.level()) && key.endLeaf() > boundary) {
              stored.put(key, hash);
            }
          });
      for (NodeKey kept : MerkleProofs.decomposition(0, boundary)) {
        stored.put(kept, full.get(kept));
      }
      for (Map.Entry<NodeKey, byte[]> e : full.entrySet()) {
        NodeKey key = e.getKey();
        boolean needed =
            key.endLeaf() > boundary || MerkleProofs.decomposition(0, boundary).contains(key);
        Map<NodeKey, byte[]> got = Tiles.resolve(Set.of(key), counting(stored, new int[1]));
        if (needed) {
          assertArrayEquals(e.getValue(), got.get(key), () -> key + " with boundary " + boundary);
        }
      }
    }
  }

  @Test
  void aSubtreeWhoseStoredPartsAreGoneIsAbsentNotWrong() {
    Map<NodeKey, byte[]> full = fullTree(64, new Random(1));
    Map<NodeKey, byte[]> stored = new HashMap<>(full);
    stored.keySet().removeIf(key -> !Tiles.stored(key.level()));
    stored.remove(new NodeKey(0, 5));
    Map<NodeKey, byte[]> got =
        Tiles.resolve(
            List.of(new NodeKey(3, 0), new NodeKey(3, 1), new NodeKey(5, 0)),
            counting(stored, new int[1]));
    assertFalse(got.containsKey(new NodeKey(3, 0)));
    assertArrayEquals(full.get(new NodeKey(3, 1)), got.get(new NodeKey(3, 1)));
    assertArrayEquals(full.get(new NodeKey(5, 0)), got.get(new NodeKey(5, 0)));
    assertTrue(Tiles.stored(0) && Tiles.stored(4) && !Tiles.stored(3));
  }

  private static Function<Set<NodeKey>, Map<NodeKey, byte[]>> counting(
      Map<NodeKey, byte[]> stored, int[] reads) {
    return keys -> {
      reads[0]++;
      Map<NodeKey, byte[]> out = new HashMap<>();
      for (NodeKey key : keys) {
        if (stored.containsKey(key)) {
          out.put(key, stored.get(key));
        }
      }
      return out;
    };
  }

  /** Every perfect aligned subtree of a tree of n random leaves, computed level by level. */
  private static Map<NodeKey, byte[]> fullTree(long n, Random random) {
    Map<NodeKey, byte[]> tree = new HashMap<>();
    for (long i = 0; i < n; i++) {
      tree.put(
          new NodeKey(0, i),
          MerkleHash.leaf(("leaf " + random.nextLong()).getBytes(StandardCharsets.UTF_8)));
    }
    for (int level = 1; (1L << level) <= n; level++) {
      for (long i = 0; (i + 1) << level <= n; i++) {
        tree.put(
            new NodeKey(level, i),
            MerkleHash.node(
                tree.get(new NodeKey(level - 1, 2 * i)),
                tree.get(new NodeKey(level - 1, 2 * i + 1))));
      }
    }
    return tree;
  }
}
