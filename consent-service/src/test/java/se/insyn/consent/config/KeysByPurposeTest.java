package se.insyn.consent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.ProductionConfig;

/**
 * Keys by purpose (issue 21 item 7): this service's real application.properties, read in the prod
 * profile as at a production start, gives no key of its own; each must come from the environment,
 * hold at least 32 bytes, and a refusal names the key.
 */
class KeysByPurposeTest {

  private static final String PHONE = "INSYN_CONSENT_PHONE_HMAC_KEY";
  private static final String FORM = "INSYN_CONSENT_PORTAL_FORM_TOKEN_KEY";
  private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

  private static SmallRyeConfig production(Map<String, String> environment) {
    return ProductionConfig.of(ConsentConfig.class, environment);
  }

  private static String refusal(Map<String, String> environment) {
    return assertThrows(RuntimeException.class, () -> production(environment)).getMessage();
  }

  @Test
  void productionDoesNotStartWithoutThePhonePseudonymKey() {
    String message = refusal(Map.of(FORM, KEY_32));
    assertTrue(message.contains("insyn.consent.phone-hmac-key"), message);
  }

  @Test
  void productionDoesNotStartWithoutThePortalFormTokenKey() {
    String message = refusal(Map.of(PHONE, KEY_32));
    assertTrue(message.contains("insyn.consent.portal-form-token-key"), message);
  }

  @Test
  void aKeyShorterThan32BytesIsRefusedByName() {
    String message = refusal(Map.of(PHONE, KEY_32.substring(1), FORM, KEY_32));
    assertTrue(message.contains("insyn.consent.phone-hmac-key"), message);
    assertTrue(message.contains("at least 32 bytes"), message);
    assertTrue(!message.contains("portal-form-token-key"), message);
  }

  @Test
  void keysOf32BytesFromTheEnvironmentAreTakenEachForItsPurpose() {
    String form = new StringBuilder(KEY_32).reverse().toString();
    ConsentConfig config =
        production(Map.of(PHONE, KEY_32, FORM, form)).getConfigMapping(ConsentConfig.class);
    assertEquals(KEY_32, config.phoneHmacKey());
    assertEquals(form, config.portalFormTokenKey());
  }

  @Test
  void thePortalSessionAndClientSecretsHaveNoProductionDefault() {
    SmallRyeConfig config = production(Map.of(PHONE, KEY_32, FORM, KEY_32));
    for (String key :
        new String[] {
          "quarkus.oidc.portal.token-state-manager.encryption-secret",
          "quarkus.oidc.portal.credentials.secret"
        }) {
      NoSuchElementException refused =
          assertThrows(NoSuchElementException.class, () -> config.getValue(key, String.class));
      assertTrue(refused.getMessage().contains(key), refused.getMessage());
    }
  }
}
