package se.insyn.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * Settings of the consent-service ({@code insyn.consent.*}). The two keys have no default: {@code
 * %dev} and {@code %test} set local ones in application.properties, and production does not start
 * without each, at least 32 bytes long (issue 21 item 7).
 */
@ConfigMapping(prefix = "insyn.consent")
public interface ConsentConfig {

  /** The shortest key accepted: 256 bits, the output size of HMAC-SHA256. */
  int MINIMUM_KEY_LENGTH = 32;

  /**
   * The phone-pseudonym secret: the key of the HMAC-SHA256 that pseudonymises phone numbers (R33).
   * The recording-service holds the same secret ({@code insyn.recording.pseudonym.hmac-key}), so
   * that a number has one pseudonym in both services. Used for nothing else.
   */
  @Size(
      min = MINIMUM_KEY_LENGTH,
      message = "must be a secret of at least 32 bytes (R33, issue 21 item 7)")
  String phoneHmacKey();

  /**
   * The key of the officers' page's form tokens against cross-site request forgery; a secret of its
   * own, not shared with pseudonymisation or the page's session cookie.
   */
  @Size(
      min = MINIMUM_KEY_LENGTH,
      message = "must be a secret of at least 32 bytes (issue 21 item 7)")
  String portalFormTokenKey();

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
