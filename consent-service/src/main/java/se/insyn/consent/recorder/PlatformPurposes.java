package se.insyn.consent.recorder;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import se.insyn.consent.config.ConsentConfig;
import se.insyn.problem.ProblemException;
import se.insyn.problem.ProblemTypes;

/**
 * Whether a platform's channels use a purpose (issue 21, docs/adr/0009): the recording-service owns
 * channels and policies, so it is asked. The one place that talks to it; this bean owns the timeout
 * and fails closed: the recording-service down, slow or answering anything unusable is a 503, and
 * no choice is recorded. A platform's purposes are reused for a short while
 * (insyn.consent.recording.cache-ttl); a purpose not among them is always asked afresh, so a newly
 * approved policy counts at once and only a withdrawn one may linger that long. The cache holds one
 * entry per platform client that has a recorder role, a handful in any realm.
 */
@ApplicationScoped
public class PlatformPurposes {

  private static final Logger LOG = Logger.getLogger(PlatformPurposes.class);

  private record Known(Set<String> purposes, Instant until) {}

  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final RecordingServiceClient client;
  private final ConsentConfig config;

  PlatformPurposes(@RestClient RecordingServiceClient client, ConsentConfig config) {
    this.client = client;
    this.config = config;
  }

  /**
   * @param platform the recorder's client id (azp)
   * @throws ProblemException 503 when the recording-service cannot answer in time
   */
  boolean uses(String platform, String purpose) {
    Known cached = known.get(platform);
    if (cached != null
        && cached.until().isAfter(Instant.now())
        && cached.purposes().contains(purpose)) {
      return true;
    }
    Set<String> purposes = ask(platform);
    known.put(platform, new Known(purposes, Instant.now().plus(config.recording().cacheTtl())));
    return purposes.contains(purpose);
  }

  private Set<String> ask(String platform) {
    RecordingServiceClient.PlatformPurposes answer;
    try {
      answer = client.purposes(platform).await().atMost(config.recording().timeout());
    } catch (RuntimeException e) {
      LOG.warnf("recording-service unavailable (%s): failing closed", e.getClass().getSimpleName());
      throw unavailable();
    }
    if (answer == null || answer.purposes() == null) {
      LOG.warn("recording-service gave no purposes: failing closed");
      throw unavailable();
    }
    return Set.copyOf(answer.purposes());
  }

  private static ProblemException unavailable() {
    return new ProblemException(
        503,
        ProblemTypes.UNAVAILABLE,
        "Service unavailable",
        "The recording-service cannot say now which purposes this platform's channels use, so the"
            + " choice was not recorded (fail closed, docs/adr/0009). Retry shortly.",
        List.of());
  }
}
