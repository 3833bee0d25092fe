package se.insyn.consent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Keys by purpose (issue 21 item 7): this service's real application.properties, read in the prod
 * profile as at a production start, gives no key of its own; each must come from the environment,
 * hold at least 32 bytes, and a refusal names the key.
 */
class KeysByPurposeTest {

  private static final String PHONE = "INSYN_CONSENT_PHONE_HMAC_KEY";
  private static final String FORM = "INSYN_CONSENT_PORTAL_FORM_TOKEN_KEY";
  private static final String KEY_32 = "0123456789abcdef0123456789abcdef";

  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private static SmallRyeConfig production(Map<String, String> environment) throws IOException {
    return new SmallRyeConfigBuilder()
        .addDefaultInterceptors()
        .withProfile("prod")
        .withSources(
            new PropertiesConfigSource(
                KeysByPurposeTest.class.getResource("/application.properties")))
        .withSources(new PropertiesConfigSource(environment, "environment", 300))
        .withMapping(ConsentConfig.class)
        .withValidator(
            new BeanValidationConfigValidator() {
              @Override
              public Validator getValidator() {
                return VALIDATOR;
              }
            })
        .build();
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
  void keysOf32BytesFromTheEnvironmentAreTakenEachForItsPurpose() throws IOException {
    Map<String, String> environment = new HashMap<>();
    environment.put(PHONE, KEY_32);
    environment.put(FORM, new StringBuilder(KEY_32).reverse().toString());
    ConsentConfig config = production(environment).getConfigMapping(ConsentConfig.class);
    assertEquals(KEY_32, config.phoneHmacKey());
    assertEquals(environment.get(FORM), config.portalFormTokenKey());
  }

  @Test
  void thePortalSessionAndClientSecretsHaveNoProductionDefault() throws IOException {
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
