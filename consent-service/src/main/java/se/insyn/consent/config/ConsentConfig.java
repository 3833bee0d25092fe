package se.insyn.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

  /** Asking the recording-service which purposes a platform's channels use (docs/adr/0009). */
  Recording recording();

  /** {@code insyn.consent.recording.*} */
  interface Recording {

    /** How long to wait for the answer before refusing the choice with 503 (fail closed). */
    @WithDefault("500ms")
    Duration timeout();

    /**
     * How long a platform's purposes are reused before the recording-service is asked again; a
     * purpose not among them is always asked afresh.
     */
    @WithDefault("30s")
    Duration cacheTtl();
  }
}
