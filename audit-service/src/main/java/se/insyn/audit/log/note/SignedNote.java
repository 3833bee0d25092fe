package se.insyn.audit.log.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The C2SP signed-note format (c2sp.org/signed-note): a text ending in a newline, a blank line, and
 * signature lines {@code — <key name> base64(4-byte key id || signature)}. Key ids are the first
 * four bytes of SHA-256(key name || 0x0A || signature type || public key); verifier keys ("vkeys")
 * are {@code <name>+<hex key id>+<base64(type || public key)>}.
 */
public final class SignedNote {

  /** Signature type of a note signature by an Ed25519 key. */
  public static final byte ED25519 = 0x01;

  /** Signature type of a timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature). */
  public static final byte COSIGNATURE_V1 = 0x04;

  private static final String DASH = "\u2014 ";
  private static final int KEY_ID_LENGTH = 4;

  private SignedNote() {}

  /** The note's text (with its final newline) and its signature lines. */
  public record Parsed(String text, List<Signature> signatures) {}

  /** One signature line: the key name, the key id and the signature bytes after it. */
  public record Signature(String keyName, byte[] keyId, byte[] signature) {

    public String line() {
      byte[] both =
          ByteBuffer.allocate(KEY_ID_LENGTH + signature.length).put(keyId).put(signature).array();
      return DASH + keyName + " " + Base64.getEncoder().encodeToString(both) + "\n";
    }
  }

  /** A verifier key: who signs, the key id and the raw 32-byte Ed25519 public key. */
  public record VerifierKey(String name, byte type, byte[] keyId, byte[] publicKey) {

    public static VerifierKey of(String name, byte type, byte[] publicKey) {
      return new VerifierKey(
          name, type, SignedNote.keyId(name, type, publicKey), publicKey.clone());
    }

    /**
     * Parses {@code <name>+<hex key id>+<base64(type || key)>} and checks that the key id is the
     * one the name and key give.
     */
    public static VerifierKey parse(String vkey) {
      String[] parts = vkey.strip().split("\\+", 3);
      if (parts.length != 3 || parts[0].isEmpty() || parts[1].length() != 2 * KEY_ID_LENGTH) {
        throw new IllegalArgumentException("A verifier key is <name>+<hex key id>+<base64 key>");
      }
      byte[] typed;
      byte[] id;
      try {
        typed = Base64.getDecoder().decode(parts[2]);
        id = HexFormat.of().parseHex(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The verifier key's key id or key is not encoded right");
      }
      if (typed.length != 33) {
        throw new IllegalArgumentException("The verifier key is not a 32-byte Ed25519 key");
      }
      VerifierKey key = of(parts[0], typed[0], Arrays.copyOfRange(typed, 1, typed.length));
      if (!Arrays.equals(key.keyId(), id)) {
        throw new IllegalArgumentException("The verifier key's key id does not match its key");
      }
      return key;
    }

    public String encoded() {
      byte[] typed = ByteBuffer.allocate(1 + publicKey.length).put(type).put(publicKey).array();
      return name
          + "+"
          + HexFormat.of().formatHex(keyId)
          + "+"
          + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether a signature line claims to come from this key (same name and key id). */
    public boolean matches(Signature signature) {
      return name.equals(signature.keyName()) && Arrays.equals(keyId, signature.keyId());
    }

    /** RFC 8032 Ed25519 verification of {@code signature} over {@code message} with this key. */
    public boolean verifies(byte[] message, byte[] signature) {
      if (signature.length != 64) {
        return false;
      }
      Ed25519Signer ed = new Ed25519Signer();
      ed.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      ed.update(message, 0, message.length);
      return ed.verifySignature(signature);
    }
  }

  /** SHA-256(name || 0x0A || type || public key)[:4]. */
  public static byte[] keyId(String name, byte type, byte[] publicKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0x0A);
      sha.update(type);
      sha.update(publicKey);
      return Arrays.copyOf(sha.digest(), KEY_ID_LENGTH);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JDK provides SHA-256", e);
    }
  }

  /** The note: text, blank line, signature lines. */
  public static String format(String text, List<Signature> signatures) {
    StringBuilder note = new StringBuilder(text).append('\n');
    signatures.forEach(s -> note.append(s.line()));
    return note.toString();
  }

  /** Splits a note at its last blank line; empty when it is not a well-formed signed note. */
  public static Optional<Parsed> parse(String note) {
    if (!note.endsWith("\n") || note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
      return Optional.empty();
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      return Optional.empty();
    }
    String text = note.substring(0, split + 1);
    List<Signature> signatures = new ArrayList<>();
    for (String line : note.substring(split + 2).split("\n")) {
      Optional<Signature> signature = parseLine(line);
      if (signature.isEmpty()) {
        return Optional.empty();
      }
      signatures.add(signature.get());
    }
    return signatures.isEmpty() ? Optional.empty() : Optional.of(new Parsed(text, signatures));
  }

  /** One signature line, without its newline. */
  public static Optional<Signature> parseLine(String line) {
    if (!line.startsWith(DASH)) {
      return Optional.empty();
    }
    String[] parts = line.substring(DASH.length()).split(" ", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[0].contains("+")) {
      return Optional.empty();
    }
    byte[] both;
    try {
      both = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (both.length <= KEY_ID_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(
        new Signature(
            parts[0],
            Arrays.copyOf(both, KEY_ID_LENGTH),
            Arrays.copyOfRange(both, KEY_ID_LENGTH, both.length)));
  }
}
