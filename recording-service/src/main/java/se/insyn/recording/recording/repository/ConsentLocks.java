package se.insyn.recording.recording.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;

/**
 * The per-consent lock shared by the withdrawal follower and a PERMIT that relies on consents: a
 * transaction-scoped PostgreSQL advisory lock, taken in a fixed order so two callers never
 * deadlock. With it, a withdrawal applied while a PERMIT is being written is never missed.
 */
@ApplicationScoped
public class ConsentLocks {

  private final EntityManager em;

  ConsentLocks(EntityManager em) {
    this.em = em;
  }

  public void lock(String consentId) {
    lockAll(List.of(consentId));
  }

  /** Locks every consent (sorted) until the transaction ends. */
  public void lockAll(Collection<String> consentIds) {
    for (String id : consentIds.stream().distinct().sorted().toList()) {
      em.createNativeQuery("select pg_advisory_xact_lock(hashtext('insyn.consent:' || :id))")
          .setParameter("id", id)
          .getSingleResult();
    }
  }

  /** Whether the feed has already reported any of the consents as ended. Call after locking. */
  public boolean anyEnded(Collection<String> consentIds) {
    if (consentIds.isEmpty()) {
      return false;
    }
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from consent_ended where consent_id in (:ids)")
                    .setParameter("ids", List.copyOf(consentIds))
                    .getSingleResult())
            .longValue()
        > 0;
  }
}
