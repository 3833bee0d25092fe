package se.insyn.recording.gate.withdrawal.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import se.insyn.recording.gate.consent.ConsentChangeFeed;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.service.ConsentLocks;
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
  private final RecordingStopper stopper;
  private final EntityManager em;
  private final RecordingConfig config;

  WithdrawalFollower(
      ConsentChangeFeed feed, RecordingStopper stopper, EntityManager em, RecordingConfig config) {
    this.feed = feed;
    this.stopper = stopper;
    this.em = em;
    this.config = config;
  }

  @Scheduled(
      identity = "consent-withdrawal-follower",
      every = "${recording.consent.follow.every}",
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
    return ((Number)
            em.createNativeQuery("select position from consent_feed_cursor where id = 1")
                .getSingleResult())
        .longValue();
  }

  private Optional<Integer> apply(long after, ConsentChangeFeed.Page page) {
    long current =
        ((Number)
                em.createNativeQuery(
                        "select position from consent_feed_cursor where id = 1 for update")
                    .getSingleResult())
            .longValue();
    if (current != after) {
      return Optional.empty();
    }
    int stopped = 0;
    for (ConsentChangeFeed.Change change : page.changes()) {
      ConsentLocks.lock(em, change.consentId());
      em.createNativeQuery(
              """
              insert into consent_ended (consent_id, change, feed_position, applied_at)
              values (:consentId, :change, :position, :now) on conflict (consent_id) do nothing
              """)
          .setParameter("consentId", change.consentId())
          .setParameter("change", change.change())
          .setParameter("position", change.position())
          .setParameter("now", Timestamp.from(Instant.now()))
          .executeUpdate();
      for (Recording r : relyingOn(change.consentId())) {
        Map<String, Object> because = new LinkedHashMap<>();
        because.put("consentId", change.consentId());
        because.put("consentChange", change.change());
        because.put("feedPosition", change.position());
        stopper.stop(r, Recording.StopReason.CONSENT_WITHDRAWN, because);
        stopped++;
      }
    }
    em.createNativeQuery(
            "update consent_feed_cursor set position = :next, updated_at = :now where id = 1")
        .setParameter("next", page.next())
        .setParameter("now", Timestamp.from(Instant.now()))
        .executeUpdate();
    return Optional.of(stopped);
  }

  /** Recordings in progress whose PERMIT relied on the consent, locked. */
  @SuppressWarnings("unchecked")
  private List<Recording> relyingOn(String consentId) {
    return em.createNativeQuery(
            """
            select * from recording
             where state in ('PERMITTED', 'RECORDING')
               and consent_ids @> jsonb_build_array(cast(:consentId as text))
             for update
            """,
            Recording.class)
        .setParameter("consentId", consentId)
        .getResultList();
  }
}
