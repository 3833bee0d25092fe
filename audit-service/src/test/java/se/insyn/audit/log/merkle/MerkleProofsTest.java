package se.insyn.audit.log.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.insyn.audit.log.RfcVerifier;

/**
 * The log's tree against the RFC 6962 reference vectors (certificate-transparency test data) and,
 * for random trees, against the independent {@link RfcVerifier}.
 */
class MerkleProofsTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final List<String> LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static final List<String> ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void rootsMatchTheRfc6962ReferenceVectors() {
    Map<NodeKey, byte[]> store = new HashMap<>();
    CompactRange edge = CompactRange.empty();
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HEX.formatHex(edge.root()));
    for (int n = 1; n <= LEAVES.size(); n++) {
      edge.append(MerkleHash.leaf(HEX.parseHex(LEAVES.get(n - 1))), store::put);
      assertEquals(ROOTS.get(n - 1), HEX.formatHex(edge.root()), "incremental root of " + n);
      assertEquals(
          ROOTS.get(n - 1),
          HEX.formatHex(MerkleProofs.root(n, MerkleProofs.of(store))),
          "stored root of " + n);
    }
  }

  @Test
  void proofsMatchTheReferenceVectors() {
    NodeSource nodes = referenceTree();
    assertEquals(
        List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        hex(MerkleProofs.inclusion(0, 8, nodes)));
    assertEquals(
        List.of(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        hex(MerkleProofs.inclusion(5, 8, nodes)));
    assertEquals(
        List.of(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        hex(MerkleProofs.consistency(2, 8, nodes)));
    assertEquals(
        List.of(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        hex(MerkleProofs.consistency(6, 8, nodes)));
    assertEquals(
        List.of(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        hex(MerkleProofs.consistency(2, 5, nodes)));
    assertEquals(List.of(), hex(MerkleProofs.consistency(8, 8, nodes)));
  }

  @Test
  void everyProofOfRandomTreesVerifiesIndependentlyAndFailsAfterABitFlip() {
    Random random = new Random(9162);
    for (int round = 0; round < 40; round++) {
      int n = 1 + random.nextInt(70);
      List<byte[]> leafHashes = new ArrayList<>();
      Map<NodeKey, byte[]> store = new HashMap<>();
      CompactRange edge = CompactRange.empty();
      for (int i = 0; i < n; i++) {
        byte[] input = new byte[random.nextInt(40)];
        random.nextBytes(input);
        leafHashes.add(RfcVerifier.leafHash(input));
        edge.append(MerkleHash.leaf(input), store::put);
      }
      NodeSource nodes = MerkleProofs.of(store);
      for (int size = 1; size <= n; size++) {
        byte[] root = RfcVerifier.root(leafHashes.subList(0, size));
        assertArrayEquals(root, MerkleProofs.root(size, nodes));
        for (int m = 0; m < size; m++) {
          List<byte[]> path = MerkleProofs.inclusion(m, size, nodes);
          assertTrue(RfcVerifier.verifyInclusion(m, size, leafHashes.get(m), path, root));
          if (!path.isEmpty()) {
            assertFalse(
                RfcVerifier.verifyInclusion(
                    m, size, leafHashes.get(m), flipOneBit(path, random), root),
                "flipped inclusion proof " + m + " of " + size);
          }
          byte[] other = RfcVerifier.root(leafHashes.subList(0, m + 1));
          List<byte[]> proof = MerkleProofs.consistency(m + 1, size, nodes);
          assertTrue(RfcVerifier.verifyConsistency(m + 1, size, other, root, proof));
          assertTrue(
              MerkleProofs.verifyConsistency(m + 1, size, other, root, proof),
              "the log's own check of " + (m + 1) + " to " + size);
          assertFalse(
              MerkleProofs.verifyConsistency(m + 1, size, root(size + 1), root, proof),
              "a foreign old root");
          if (!proof.isEmpty()) {
            List<byte[]> flipped = flipOneBit(proof, random);
            assertFalse(
                RfcVerifier.verifyConsistency(m + 1, size, other, root, flipped),
                "flipped consistency proof " + (m + 1) + " to " + size);
            assertFalse(
                MerkleProofs.verifyConsistency(m + 1, size, other, root, flipped),
                "the log's own check of a flipped proof " + (m + 1) + " to " + size);
          }
        }
      }
    }
  }

  @Test
  void afterPruningAPrefixProofsForLaterEntriesNeedOnlyWhatIsKept() {
    Random random = new Random(6962);
    for (int round = 0; round < 30; round++) {
      int n = 2 + random.nextInt(60);
      int prunedBelow = 1 + random.nextInt(n - 1);
      Map<NodeKey, byte[]> full = new HashMap<>();
      CompactRange edge = CompactRange.empty();
      for (int i = 0; i < n; i++) {
        edge.append(MerkleHash.leaf(new byte[] {(byte) i, (byte) round}), full::put);
      }
      Map<NodeKey, byte[]> kept = new HashMap<>();
      List<NodeKey> boundary = MerkleProofs.decomposition(0, prunedBelow);
      full.forEach(
          (key, hash) -> {
            if (key.endLeaf() > prunedBelow || boundary.contains(key)) {
              kept.put(key, hash);
            }
          });
      NodeSource all = MerkleProofs.of(full);
      NodeSource pruned = MerkleProofs.of(kept);
      for (int size = prunedBelow; size <= n; size++) {
        assertArrayEquals(MerkleProofs.root(size, all), MerkleProofs.root(size, pruned));
        for (int m = prunedBelow; m < size; m++) {
          assertEquals(
              hex(MerkleProofs.inclusion(m, size, all)),
              hex(MerkleProofs.inclusion(m, size, pruned)));
        }
        for (int from = prunedBelow; from <= size; from++) {
          assertEquals(
              hex(MerkleProofs.consistency(from, size, all)),
              hex(MerkleProofs.consistency(from, size, pruned)));
        }
      }
      if (prunedBelow > 1) {
        int below = prunedBelow;
        assertThrows(
            MerkleProofs.MissingNodeException.class,
            () -> MerkleProofs.inclusion(0, below, pruned),
            "a pruned leaf has no proof");
      }
    }
  }

  /** A hash no tree of these tests has as its root. */
  private static byte[] root(int salt) {
    return MerkleHash.leaf(new byte[] {(byte) 0xEE, (byte) salt});
  }

  private static NodeSource referenceTree() {
    Map<NodeKey, byte[]> store = new HashMap<>();
    CompactRange edge = CompactRange.empty();
    for (String leaf : LEAVES) {
      edge.append(MerkleHash.leaf(HEX.parseHex(leaf)), store::put);
    }
    return MerkleProofs.of(store);
  }

  private static List<byte[]> flipOneBit(List<byte[]> proof, Random random) {
    List<byte[]> copy = new ArrayList<>();
    proof.forEach(h -> copy.add(h.clone()));
    byte[] victim = copy.get(random.nextInt(copy.size()));
    victim[random.nextInt(victim.length)] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }
}
