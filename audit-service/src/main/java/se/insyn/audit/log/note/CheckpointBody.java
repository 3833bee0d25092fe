package se.insyn.audit.log.note;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The text of a C2SP checkpoint (c2sp.org/tlog-checkpoint): the log's origin, the tree size in
 * decimal and the RFC 9162 root hash in base64, each on its own line. This log writes no extension
 * lines; a parsed checkpoint keeps any it carries in {@code text}, since cosignatures sign them.
 */
public record CheckpointBody(String origin, long treeSize, byte[] rootHash, String text) {

  public static CheckpointBody of(String origin, long treeSize, byte[] rootHash) {
    return new CheckpointBody(
        origin,
        treeSize,
        rootHash.clone(),
        origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n");
  }

  /**
   * The checkpoint of a signed note that carries a valid signature of {@code log}, whose name must
   * be the checkpoint's origin; empty otherwise.
   */
  public static Optional<CheckpointBody> open(String note, SignedNote.VerifierKey log) {
    return SignedNote.parse(note)
        .filter(
            n ->
                n.signatures().stream()
                    .anyMatch(
                        s ->
                            log.matches(s)
                                && log.type() == SignedNote.ED25519
                                && log.verifies(
                                    n.text().getBytes(StandardCharsets.UTF_8), s.signature())))
        .flatMap(n -> parse(n.text()))
        .filter(b -> b.origin().equals(log.name()));
  }

  /** Parses a note text; empty when its first three lines are not a checkpoint. */
  public static Optional<CheckpointBody> parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 4 || lines[0].isEmpty() || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
      return Optional.empty();
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (root.length != 32) {
      return Optional.empty();
    }
    return Optional.of(new CheckpointBody(lines[0], Long.parseLong(lines[1]), root, text));
  }
}
