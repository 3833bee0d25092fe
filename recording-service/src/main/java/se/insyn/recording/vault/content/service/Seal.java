package se.insyn.recording.vault.content.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.insyn.recording.recording.repository.Recording;

/**
 * The seal over a recording's content hash and the metadata it is bound to (R32): decision id,
 * consent decision, policy and version, notice version, start, stop, channel, direction, size.
 * Changing any of them, or the hash, breaks the seal.
 */
public final class Seal {

  private Seal() {}

  /** The exact text that is sealed; one field per line, in a fixed order. */
  public static String canonical(Recording r, String sha256, long size) {
    return String.join(
        "\n",
        "insyn-recording-seal-v1",
        "decision=" + r.id,
        "consentDecision=" + r.consentDecisionId,
        "policy=" + r.policyId + "/" + r.policyVersion,
        "notice=" + r.noticeVersion,
        "start=" + r.startedAt,
        "stop=" + r.stoppedAt,
        "channel=" + r.channelId,
        "direction=" + r.direction,
        "size=" + size,
        "sha256=" + sha256);
  }

  /**
   * Seals the recording's stored hash and size under the current KEK's seal key, and notes which
   * KEK that is.
   */
  static void make(Recording r, KeyVault vault) {
    r.sealKekId = vault.currentKekId();
    r.contentSeal =
        compute(
            vault.sealKey(r.sealKekId).orElseThrow(), canonical(r, r.contentHash, r.contentSize));
  }

  /** Whether the recording's seal still matches its stored hash, size and metadata. */
  static boolean holds(Recording r, byte[] sealKey) {
    return r.contentSeal != null
        && r.contentSeal.equals(compute(sealKey, canonical(r, r.contentHash, r.contentSize)));
  }

  public static String compute(byte[] sealKey, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sealKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
