package se.insyn.recording.gate.withdrawal.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Where the follower stands in the consent-service's change feed ({@code consent_feed_cursor}, one
 * row) and which consents the feed has reported as ended ({@code consent_ended}).
 */
@ApplicationScoped
public class ConsentFeedRepository {

  private final EntityManager em;

  ConsentFeedRepository(EntityManager em) {
    this.em = em;
  }

  /** The last position applied. */
  public long position() {
    return ((Number)
            em.createNativeQuery("select position from consent_feed_cursor where id = 1")
                .getSingleResult())
        .longValue();
  }

  /** The last position applied, with the cursor row locked until the transaction ends. */
  public long lockPosition() {
    return ((Number)
            em.createNativeQuery("select position from consent_feed_cursor where id = 1 for update")
                .getSingleResult())
        .longValue();
  }

  public void moveTo(long next, Instant now) {
    em.createNativeQuery(
            "update consent_feed_cursor set position = :next, updated_at = :now where id = 1")
        .setParameter("next", next)
        .setParameter("now", Timestamp.from(now))
        .executeUpdate();
  }

  /** Notes that a consent ended; the first report wins. */
  public void recordEnded(String consentId, String change, long position, Instant now) {
    em.createNativeQuery(
            """
            insert into consent_ended (consent_id, change, feed_position, applied_at)
            values (:consentId, :change, :position, :now) on conflict (consent_id) do nothing
            """)
        .setParameter("consentId", consentId)
        .setParameter("change", change)
        .setParameter("position", position)
        .setParameter("now", Timestamp.from(now))
        .executeUpdate();
  }
}
