package se.insyn.audit.log.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The two hash functions of RFC 9162 §2.1.1 (SHA-256 with domain-separating prefixes). */
public final class MerkleHash {

  private MerkleHash() {}

  /** SHA-256(0x00 ‖ leaf input). */
  public static byte[] leaf(byte[] input) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x00);
    return sha.digest(input);
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x01);
    sha.update(left);
    return sha.digest(right);
  }

  /** The root of the empty tree: SHA-256 of the empty string. */
  public static byte[] empty() {
    return sha256().digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK provides SHA-256", e);
    }
  }
}
