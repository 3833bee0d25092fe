package se.insyn.recording.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Settings of the recording-service. */
@ConfigMapping(prefix = "recording")
public interface RecordingConfig {

  /** The consent-service as a dependency of the decision. */
  Consent consent();

  /** Pseudonymisation of phone numbers (R33). */
  Pseudonym pseudonym();

  /** The zone in which a policy's weekdays and hours are read. */
  @WithDefault("Europe/Stockholm")
  ZoneId scopeZone();

  interface Consent {
    /**
     * How long the decision waits for the consent-service (token included) before it denies with
     * DECISION_UNAVAILABLE (R2).
     */
    @WithDefault("300ms")
    Duration timeout();
  }

  interface Pseudonym {
    /** The HMAC-SHA256 key for phone numbers; from a Secret in production, never committed. */
    String hmacKey();
  }
}
