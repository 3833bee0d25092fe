package se.insyn.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the consent-service ({@code insyn.consent.*}). */
@ConfigMapping(prefix = "insyn.consent")
public interface ConsentConfig {

  /**
   * The secret key of the HMAC-SHA256 that pseudonymises phone numbers (R33). The default is for
   * dev and tests only; prod takes it from a Secret and refuses to start without one.
   */
  @WithDefault("dev-only-phone-pseudonymisation-key-not-for-production")
  String phoneHmacKey();

  /** Aggregates smaller than this are shown as "&lt;n" so that nobody can be singled out (R17). */
  @WithDefault("5")
  int statisticsMinimumCount();
}
