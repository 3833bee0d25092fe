package se.insyn.audit.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The C2SP signed-note, tlog-checkpoint and tlog-cosignature formats written from the spec texts
 * alone (c2sp.org/signed-note, c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature), with the JDK's
 * SHA-256 and Ed25519 and nothing of the service's code, so that the service's notes are checked by
 * a second, independent reading of the specs.
 */
final class SpecNote {

  /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private SpecNote() {}

  /** A note: its text (ending in a newline) and its signature lines. */
  record Note(String text, List<Line> signatures) {

    /** The checkpoint lines: origin, size, root. */
    String[] checkpoint() {
      return text.split("\n");
    }
  }

  /** A signature line: key name, 4-byte key id and the signature bytes after it. */
  record Line(String name, byte[] keyId, byte[] signature) {}

  /** A vkey: name, key id, type byte and raw key. */
  record Vkey(String name, byte[] keyId, byte type, byte[] key) {}

  /**
   * "A signed note consists of a text ending in newline, followed by a blank line, followed by one
   * or more signature lines ... the text is separated from the signatures by the last empty line".
   */
  static Note parse(String note) {
    if (!note.endsWith("\n")) {
      throw new AssertionError("a note ends in a newline");
    }
    int blank = note.lastIndexOf("\n\n");
    String text = note.substring(0, blank + 1);
    List<Line> lines = new ArrayList<>();
    for (String line : note.substring(blank + 2, note.length() - 1).split("\n")) {
      if (!line.startsWith("\u2014 ")) {
        throw new AssertionError("signature line must start with an em dash and a space: " + line);
      }
      String[] parts = line.substring(2).split(" ");
      byte[] raw = Base64.getDecoder().decode(parts[1]);
      lines.add(new Line(parts[0], Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
    }
    return new Note(text, lines);
  }

  /** "key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]". */
  static byte[] keyId(String name, int type, byte[] key) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update(new byte[] {0x0A, (byte) type});
    sha.update(key);
    return Arrays.copyOf(sha.digest(), 4);
  }

  /** {@code <name>+<hex key id>+<base64(type || key)>}. */
  static Vkey vkey(String vkey) {
    String[] parts = vkey.split("\\+", 3);
    byte[] typed = Base64.getDecoder().decode(parts[2]);
    return new Vkey(
        parts[0],
        HexFormat.of().parseHex(parts[1]),
        typed[0],
        Arrays.copyOfRange(typed, 1, typed.length));
  }

  static boolean ed25519(byte[] key, byte[] message, byte[] signature) throws Exception {
    byte[] spki = ByteBuffer.allocate(SPKI_PREFIX.length + 32).put(SPKI_PREFIX).put(key).array();
    PublicKey publicKey =
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(publicKey);
    ed.update(message);
    return ed.verify(signature);
  }

  /** Whether the note carries a valid Ed25519 (type 0x01) signature of the key. */
  static boolean signedBy(Note note, Vkey key) throws Exception {
    for (Line line : note.signatures()) {
      if (line.name().equals(key.name())
          && Arrays.equals(line.keyId(), keyId(key.name(), 0x01, key.key()))
          && ed25519(key.key(), note.text().getBytes(StandardCharsets.UTF_8), line.signature())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the note carries a valid cosignature/v1 of the key: key id with type 0x04, signature
   * bytes = u64 big-endian timestamp || Ed25519 signature over "cosignature/v1\ntime <t>\n" and the
   * whole note text.
   */
  static boolean cosignedBy(Note note, Vkey key) throws Exception {
    for (Line line : note.signatures()) {
      if (line.name().equals(key.name())
          && Arrays.equals(line.keyId(), keyId(key.name(), 0x04, key.key()))
          && line.signature().length == 72) {
        long time = ByteBuffer.wrap(line.signature()).getLong();
        byte[] message =
            ("cosignature/v1\ntime " + time + "\n" + note.text()).getBytes(StandardCharsets.UTF_8);
        if (ed25519(key.key(), message, Arrays.copyOfRange(line.signature(), 8, 72))) {
          return true;
        }
      }
    }
    return false;
  }
}
