package se.insyn.recording.gate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import se.insyn.recording.platform.config.RecordingConfig;

/**
 * The one place that reads the consent-service's change feed. It owns the feed's timeout and turns
 * every failure (down, slow, error status, no token, an answer that breaks the feed's promises)
 * into {@link Unavailable}, so the follower keeps its place and asks again later.
 */
@ApplicationScoped
public class ConsentChangeFeed {

  /** A consent that stopped counting, as the feed reported it. */
  public record Change(long position, String consentId, String purpose, String change) {}

  /** One page of the feed; {@code next} is the position to ask after next time. */
  public record Page(List<Change> changes, long next) {}

  /** The feed could not be read now; nothing was consumed. */
  public static class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  private final ConsentServiceClient client;
  private final RecordingConfig config;

  ConsentChangeFeed(@RestClient ConsentServiceClient client, RecordingConfig config) {
    this.client = client;
    this.config = config;
  }

  /**
   * The changes after {@code position}, at most {@code limit}. Positions must follow on from {@code
   * position} without gaps (the feed's promise); an answer that does not is treated as unavailable
   * rather than letting the follower skip a change.
   */
  public Page after(long position, int limit) {
    ConsentServiceClient.ChangePage page;
    try {
      page = client.changes(position, limit).await().atMost(config.consent().follow().timeout());
    } catch (RuntimeException e) {
      throw new Unavailable(
          "consent change feed unreachable (" + e.getClass().getSimpleName() + ")");
    }
    if (page == null || page.changes() == null) {
      throw new Unavailable("consent change feed gave no changes list");
    }
    long expected = position;
    List<Change> changes =
        page.changes().stream()
            .map(c -> new Change(c.position(), c.consentId(), c.purpose(), c.change()))
            .toList();
    for (Change c : changes) {
      if (c.position() != ++expected || c.consentId() == null || c.change() == null) {
        throw new Unavailable(
            "consent change feed answered out of order at position " + c.position());
      }
    }
    return new Page(changes, expected);
  }
}
