package se.insyn.recording.recording.service;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;

/**
 * The per-consent lock shared by the withdrawal follower and a PERMIT that relies on consents: a
 * transaction-scoped PostgreSQL advisory lock, taken in a fixed order so two callers never
 * deadlock. With it, a withdrawal applied while a PERMIT is being written is never missed.
 */
public final class ConsentLocks {

  private ConsentLocks() {}

  public static void lock(EntityManager em, String consentId) {
    lockAll(em, List.of(consentId));
  }

  /** Locks every consent (sorted) until the transaction ends. */
  public static void lockAll(EntityManager em, Collection<String> consentIds) {
    for (String id : consentIds.stream().distinct().sorted().toList()) {
      em.createNativeQuery("select pg_advisory_xact_lock(hashtext('insyn.consent:' || :id))")
          .setParameter("id", id)
          .getSingleResult();
    }
  }

  /** Whether the feed has already reported any of the consents as ended. Call after locking. */
  public static boolean anyEnded(EntityManager em, Collection<String> consentIds) {
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
