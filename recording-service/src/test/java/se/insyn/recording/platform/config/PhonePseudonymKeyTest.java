package se.insyn.recording.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.ProductionConfig;

/**
 * The phone-pseudonym secret (R33, issue 21 item 7): this service's real application.properties,
 * read in the prod profile as at a production start, has no key of its own; it must come from the
 * environment and hold at least 32 bytes, and a refusal names the key.
 */
class PhonePseudonymKeyTest {

  private static final String KEY = "insyn.recording.pseudonym.hmac-key";
  private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

  /** A production environment with everything else the mapping needs. */
  private static SmallRyeConfig production(String pseudonymKey) {
    Map<String, String> environment = new HashMap<>();
    environment.put("INSYN_RECORDING_CONTENT_KEK_ID", "kek-1");
    environment.put("INSYN_RECORDING_CONTENT_KEK_FILE", "/etc/insyn/kek/kek-1");
    if (pseudonymKey != null) {
      environment.put("INSYN_RECORDING_PSEUDONYM_HMAC_KEY", pseudonymKey);
    }
    return ProductionConfig.of(RecordingConfig.class, environment);
  }

  @Test
  void productionDoesNotStartWithoutThePhonePseudonymKey() {
    String message = assertThrows(RuntimeException.class, () -> production(null)).getMessage();
    assertTrue(message.contains(KEY), message);
  }

  @Test
  void aKeyShorterThan32BytesIsRefusedByName() {
    String message =
        assertThrows(RuntimeException.class, () -> production(KEY_32.substring(1))).getMessage();
    assertTrue(message.contains(KEY), message);
    assertTrue(message.contains("at least 32 bytes"), message);
  }

  @Test
  void aKeyOf32BytesFromTheEnvironmentIsTaken() {
    assertEquals(
        KEY_32, production(KEY_32).getConfigMapping(RecordingConfig.class).pseudonym().hmacKey());
  }
}
