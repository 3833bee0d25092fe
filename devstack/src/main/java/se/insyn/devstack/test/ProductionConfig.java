package se.insyn.devstack.test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * A service's own {@code application.properties} read in the prod profile, as at a production
 * start, with the given environment and Bean Validation of a {@code @ConfigMapping}: for plain
 * tests of what production refuses to start without (issue 21 item 7). Building throws as the start
 * would, naming the keys at fault.
 */
public final class ProductionConfig {

  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private ProductionConfig() {}

  /** The configuration with {@code mapping} built and validated, or the refusal. */
  public static SmallRyeConfig of(Class<?> mapping, Map<String, String> environment) {
    try {
      return new SmallRyeConfigBuilder()
          .addDefaultInterceptors()
          .withProfile("prod")
          .withSources(new PropertiesConfigSource(mapping.getResource("/application.properties")))
          .withSources(new EnvConfigSource(environment, 300))
          .withConverter(Duration.class, 100, new DurationConverter())
          .withMapping(mapping)
          .withValidator(
              new BeanValidationConfigValidator() {
                @Override
                public Validator getValidator() {
                  return VALIDATOR;
                }
              })
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
