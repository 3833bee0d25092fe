package se.insyn.recording.gate.withdrawal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import se.insyn.recording.gate.consent.ConsentChangeFeed;
import se.insyn.recording.gate.withdrawal.repository.ConsentFeedRepository;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.recording.repository.ConsentLocks;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.recording.service.RecordingStopper;

/**
 * Withdrawal reaches running recordings (issue 7, R14). Follows the consent-service's change feed
 * from the position stored in {@code consent_feed_cursor}; each page is applied in one transaction
 * that stops every recording in progress relying on a changed consent and moves the cursor, so a
 * restart of either side resumes where the last commit left off: no change is missed, none applied
 * twice. Replicas may all poll: the cursor row is locked and a page is applied only if the cursor
 * still stands where it was read from.
 */
@ApplicationScoped
public class WithdrawalFollower {

  private static final Logger LOG = Logger.getLogger(WithdrawalFollower.class);

  /** What one poll did; {@code reachable} is false when the feed could not be read. */
  public record Poll(int changes, int stopped, boolean reachable) {}

  private final ConsentChangeFeed feed;
  private final ConsentFeedRepository cursor;
  private final ConsentLocks consentLocks;
  private final RecordingRepository recordings;
  private final RecordingStopper stopper;
  private final RecordingConfig config;

  WithdrawalFollower(
      ConsentChangeFeed feed,
      ConsentFeedRepository cursor,
      ConsentLocks consentLocks,
      RecordingRepository recordings,
      RecordingStopper stopper,
      RecordingConfig config) {
    this.feed = feed;
    this.cursor = cursor;
    this.consentLocks = consentLocks;
    this.recordings = recordings;
    this.stopper = stopper;
    this.config = config;
  }

  @Scheduled(
      identity = "consent-withdrawal-follower",
      every = "${insyn.recording.consent.follow.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Poll poll = poll();
    if (poll.stopped() > 0) {
      LOG.infof(
          "consent feed: %d change(s), %d recording(s) stopped", poll.changes(), poll.stopped());
    }
  }

  /** Reads the feed to its end from the stored position, applying page by page. */
  public Poll poll() {
    int pageSize = config.consent().follow().pageSize();
    int changes = 0;
    int stopped = 0;
    while (true) {
      long after = QuarkusTransaction.requiringNew().call(this::position);
      ConsentChangeFeed.Page page;
      try {
        page = feed.after(after, pageSize);
      } catch (ConsentChangeFeed.Unavailable e) {
        LOG.warnf("%s; staying at position %d and retrying later", e.getMessage(), after);
        return new Poll(changes, stopped, false);
      }
      if (page.changes().isEmpty()) {
        return new Poll(changes, stopped, true);
      }
      Optional<Integer> applied = QuarkusTransaction.requiringNew().call(() -> apply(after, page));
      if (applied.isPresent()) {
        changes += page.changes().size();
        stopped += applied.get();
      }
      // If another replica applied this page first, the loop reads the cursor it left.
    }
  }

  /** The last position applied. */
  public long position() {
    return cursor.position();
  }

  private Optional<Integer> apply(long after, ConsentChangeFeed.Page page) {
    if (cursor.lockPosition() != after) {
      return Optional.empty();
    }
    int stopped = 0;
    for (ConsentChangeFeed.Change change : page.changes()) {
      consentLocks.lock(change.consentId());
      cursor.recordEnded(change.consentId(), change.change(), change.position(), Instant.now());
      for (Recording r : recordings.lockInProgressRelyingOn(change.consentId())) {
        Map<String, Object> because = new LinkedHashMap<>();
        because.put("consentId", change.consentId());
        because.put("consentChange", change.change());
        because.put("feedPosition", change.position());
        stopper.stop(r, Recording.StopReason.CONSENT_WITHDRAWN, because);
        stopped++;
      }
    }
    cursor.moveTo(page.next(), Instant.now());
    return Optional.of(stopped);
  }
}
