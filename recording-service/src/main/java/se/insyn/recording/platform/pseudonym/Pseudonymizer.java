package se.insyn.recording.platform.pseudonym;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.insyn.recording.platform.config.RecordingConfig;

/** Phone numbers are stored only as a keyed HMAC, never in clear (R33). */
@ApplicationScoped
public class Pseudonymizer {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  Pseudonymizer(RecordingConfig config) {
    this.key =
        new SecretKeySpec(config.pseudonym().hmacKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String phone(String e164) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
