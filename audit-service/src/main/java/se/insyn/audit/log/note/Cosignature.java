package se.insyn.audit.log.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A C2SP cosignature/v1 (c2sp.org/tlog-cosignature): a note signature whose bytes are an 8-byte
 * big-endian POSIX timestamp followed by a 64-byte Ed25519 signature over {@code cosignature/v1\n}
 * {@code time <timestamp>\n} and the whole checkpoint text.
 */
public final class Cosignature {

  private static final int LENGTH = 8 + 64;

  private Cosignature() {}

  /** The message a witness signs at {@code time} (seconds since the epoch). */
  public static byte[] message(long time, String checkpointText) {
    return ("cosignature/v1\ntime " + time + "\n" + checkpointText)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The signature bytes of a note signature line for a cosignature made at {@code time}. */
  public static byte[] signatureBytes(long time, byte[] ed25519Signature) {
    return ByteBuffer.allocate(LENGTH).putLong(time).put(ed25519Signature).array();
  }

  /** The cosignature's time, or -1 when the signature bytes are not a cosignature/v1. */
  public static long time(SignedNote.Signature signature) {
    byte[] bytes = signature.signature();
    return bytes.length == LENGTH ? ByteBuffer.wrap(bytes).getLong() : -1;
  }

  /** Whether {@code signature} is a valid cosignature of {@code checkpointText} by {@code key}. */
  public static boolean verifies(
      SignedNote.VerifierKey key, SignedNote.Signature signature, String checkpointText) {
    long time = time(signature);
    return key.type() == SignedNote.COSIGNATURE_V1
        && key.matches(signature)
        && time >= 0
        && key.verifies(
            message(time, checkpointText), Arrays.copyOfRange(signature.signature(), 8, LENGTH));
  }
}
