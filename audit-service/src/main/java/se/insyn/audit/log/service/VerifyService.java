package se.insyn.audit.log.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import se.insyn.audit.log.merkle.CompactRange;
import se.insyn.audit.log.merkle.Jcs;
import se.insyn.audit.log.merkle.MerkleHash;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.merkle.NodeKey;
import se.insyn.audit.log.merkle.Tiles;
import se.insyn.audit.log.repository.CheckpointRow;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogHead;
import se.insyn.audit.log.repository.LogRepository;
import se.insyn.events.EventType;

/**
 * Tamper detection (R58): recomputes every leaf hash and subtree from the stored leaf inputs and
 * compares them with the stored hashes and with every signed checkpoint. An edited row shows up as
 * its leaf index; a deleted one as a gap; rows moved to other indices as the subtree range that no
 * longer matches, and every checkpoint signed after it as broken.
 */
@ApplicationScoped
public class VerifyService {

  private static final int CHUNK = 10_000;

  private final LogRepository repository;
  private final CheckpointSigner signer;
  private final ObjectMapper json;

  VerifyService(LogRepository repository, CheckpointSigner signer, ObjectMapper json) {
    this.repository = repository;
    this.signer = signer;
    this.json = json;
  }

  @Transactional
  public VerifyReport verify() {
    LogRepository.HeadWithEdge stored = repository.headWithEdge();
    LogHead head = stored.head();
    List<VerifyReport.Finding> findings = new ArrayList<>();
    long start = head.prunedBelow();
    long signedBoundary = signedPrunedBelow();
    if (signedBoundary != start) {
      findings.add(
          new VerifyReport.Finding(
              "pruned-boundary-unsigned",
              start,
              null,
              null,
              "the stored pruning boundary is not the one the newest audit.pruned states ("
                  + signedBoundary
                  + "); it was moved outside the retention job (R49)"));
    }
    CompactRange edge;
    try {
      edge =
          CompactRange.of(
              start, MerkleProofs.of(repository.nodes(MerkleProofs.decomposition(0, start))));
    } catch (MerkleProofs.MissingNodeException e) {
      findings.add(
          new VerifyReport.Finding(
              "retained-boundary-missing", start, null, null, "kept subtree " + e.key()));
      return new VerifyReport(false, head.treeSize(), start, 0, findings);
    }
    List<CheckpointRow> checkpoints =
        repository.checkpoints().stream().filter(c -> c.treeSize() >= start).toList();
    int[] verified = {0};
    int[] nextCheckpoint = {0};
    checkpointsAt(edge, checkpoints, nextCheckpoint, verified, findings);
    for (long chunk = start; chunk < head.treeSize(); chunk += CHUNK) {
      long end = Math.min(chunk + CHUNK, head.treeSize());
      Map<NodeKey, byte[]> recomputed = new LinkedHashMap<>();
      long[] expected = {chunk};
      repository.leaves(
          chunk,
          end,
          leaf -> {
            for (; expected[0] < leaf.index(); expected[0]++) {
              findings.add(
                  new VerifyReport.Finding(
                      "missing", expected[0], null, null, "no stored event at this index"));
              appendLeaf(
                  edge, new byte[32], recomputed, checkpoints, nextCheckpoint, verified, findings);
            }
            byte[] hash = MerkleHash.leaf(leaf.leafInput().getBytes(StandardCharsets.UTF_8));
            if (!Arrays.equals(hash, leaf.leafHash())) {
              findings.add(
                  new VerifyReport.Finding(
                      "leaf-hash-mismatch",
                      leaf.index(),
                      null,
                      null,
                      "the stored leaf input no longer hashes to the stored leaf hash"));
            }
            String columns = columnsProblem(leaf.leafInput(), leaf.columns());
            if (columns != null) {
              findings.add(
                  new VerifyReport.Finding("columns-mismatch", leaf.index(), null, null, columns));
            }
            appendLeaf(edge, hash, recomputed, checkpoints, nextCheckpoint, verified, findings);
            expected[0] = leaf.index() + 1;
          });
      for (; expected[0] < end; expected[0]++) {
        findings.add(
            new VerifyReport.Finding(
                "missing", expected[0], null, null, "no stored event at this index"));
        appendLeaf(edge, new byte[32], recomputed, checkpoints, nextCheckpoint, verified, findings);
      }
      compareSubtrees(recomputed, findings);
    }
    for (int i = nextCheckpoint[0]; i < checkpoints.size(); i++) {
      findings.add(
          new VerifyReport.Finding(
              "checkpoint-beyond-log",
              null,
              null,
              checkpoints.get(i).treeSize(),
              "a checkpoint was signed for more leaves than are stored"));
    }
    if (stored.edge() != null && !Arrays.equals(stored.edge(), edge.edgeHashes())) {
      findings.add(
          new VerifyReport.Finding(
              "head-edge-mismatch",
              null,
              null,
              head.treeSize(),
              "the tree edge stored with the head (log_head.edge) is not the one the stored leaves"
                  + " give; the next append would build on it"));
    }
    return new VerifyReport(
        findings.isEmpty(), head.treeSize(), start, verified[0], List.copyOf(findings));
  }

  /**
   * The boundary the newest retained {@code audit.pruned} states, 0 when none is stored (never
   * pruned), -1 when it cannot be read. That leaf is checked against the signed checkpoints below
   * like every other, so the boundary it states is signed.
   */
  private long signedPrunedBelow() {
    String leaf =
        repository.newestLeafInput(
            EventType.AUDIT_PRUNED.wireName(), EventType.AUDIT_PRUNED.source().serviceName());
    if (leaf == null) {
      return 0;
    }
    try {
      return json.readTree(leaf).path("data").path("prunedBelow").asLong(-1);
    } catch (JsonProcessingException e) {
      return -1;
    }
  }

  private void appendLeaf(
      CompactRange edge,
      byte[] hash,
      Map<NodeKey, byte[]> recomputed,
      List<CheckpointRow> checkpoints,
      int[] nextCheckpoint,
      int[] verified,
      List<VerifyReport.Finding> findings) {
    edge.append(
        hash,
        (key, node) -> {
          if (key.level() > 0) {
            recomputed.put(key, node);
          }
        });
    checkpointsAt(edge, checkpoints, nextCheckpoint, verified, findings);
  }

  private void checkpointsAt(
      CompactRange edge,
      List<CheckpointRow> checkpoints,
      int[] next,
      int[] verified,
      List<VerifyReport.Finding> findings) {
    while (next[0] < checkpoints.size() && checkpoints.get(next[0]).treeSize() == edge.size()) {
      CheckpointRow c = checkpoints.get(next[0]++);
      if (edge.size() == 0) {
        continue;
      }
      if (!Arrays.equals(edge.root(), c.rootHash())) {
        findings.add(
            new VerifyReport.Finding(
                "checkpoint-root-mismatch",
                null,
                null,
                c.treeSize(),
                "the stored leaves no longer give the signed root "
                    + HexFormat.of().formatHex(c.rootHash())));
      } else if (!c.keyId().equals(signer.keyId())) {
        findings.add(
            new VerifyReport.Finding(
                "checkpoint-unknown-key",
                null,
                null,
                c.treeSize(),
                "signed with key " + c.keyId() + ", which is not the configured key"));
      } else if (!signer.verify(c.treeSize(), c.rootHash(), c.signedAt(), c.signature())) {
        findings.add(
            new VerifyReport.Finding(
                "checkpoint-signature-invalid", null, null, c.treeSize(), "bad signature"));
      } else {
        verified[0]++;
      }
    }
  }

  private void compareSubtrees(
      Map<NodeKey, byte[]> recomputed, List<VerifyReport.Finding> findings) {
    Map<NodeKey, byte[]> stored = repository.storedNodes(recomputed.keySet());
    recomputed.forEach(
        (key, hash) -> {
          byte[] kept = stored.get(key);
          // Levels between tiles are stored only by older versions; what is stored must fit.
          if (kept == null && !Tiles.stored(key.level())) {
            return;
          }
          if (!Arrays.equals(hash, kept)) {
            findings.add(
                new VerifyReport.Finding(
                    kept == null ? "subtree-missing" : "subtree-mismatch",
                    key.firstLeaf(),
                    key.endLeaf(),
                    null,
                    "the stored hash of leaves ["
                        + key.firstLeaf()
                        + ", "
                        + key.endLeaf()
                        + ") differs from the one recomputed from the leaves"));
          }
        });
  }

  /** Whether the query columns still say what the leaf input says; null when they do. */
  private String columnsProblem(String leafInput, LeafRow columns) {
    JsonNode leaf;
    try {
      leaf = json.readTree(leafInput);
    } catch (JsonProcessingException e) {
      return "the leaf input is not JSON";
    }
    if (!leafInput.equals(Jcs.write(leaf))) {
      return "the leaf input is not in canonical form";
    }
    List<String> differing = new ArrayList<>();
    compare(differing, "id", text(leaf, "id"), columns.id().toString());
    compare(differing, "source", text(leaf, "source"), columns.source());
    compare(
        differing,
        "sequence",
        leaf.hasNonNull("sequence") ? leaf.get("sequence").asText() : null,
        columns.sequence() == null ? null : columns.sequence().toString());
    compare(differing, "type", text(leaf, "type"), columns.type());
    compare(
        differing,
        "time",
        text(leaf, "time") == null ? null : Instant.parse(text(leaf, "time")).toString(),
        columns.occurredAt().toString());
    compare(differing, "actor", text(leaf.path("actor"), "subject"), columns.actorSubject());
    compare(differing, "subject", text(leaf, "subject"), columns.subject());
    compare(differing, "purpose", text(leaf, "purpose"), columns.purpose());
    compare(differing, "traceId", text(leaf, "traceId"), columns.traceId());
    return differing.isEmpty() ? null : "columns " + differing + " differ from the leaf input";
  }

  private static void compare(List<String> differing, String name, String leaf, String column) {
    if (!Objects.equals(leaf, column)) {
      differing.add(name);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
