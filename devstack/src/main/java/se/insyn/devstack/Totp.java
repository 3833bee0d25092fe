package se.insyn.devstack;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as the suite's realm configures them: HMAC-SHA1, six
 * digits, 30-second steps. Lets tests and {@code ./story} log in demo users whose roles require a
 * second factor (issue 21 item 6) without an authenticator app.
 */
public final class Totp {

  private static final int DIGITS = 6;
  private static final long STEP_SECONDS = 30;
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Totp() {}

  /** The code for {@code key} at {@code at} (RFC 6238 with RFC 4226's dynamic truncation). */
  public static String code(byte[] key, Instant at) {
    long counter = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
      return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available", e);
    }
  }

  /** The key in base32 (RFC 4648, no padding), the form authenticator apps take by hand. */
  public static String base32(byte[] key) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : key) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
