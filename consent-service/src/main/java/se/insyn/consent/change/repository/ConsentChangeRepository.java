package se.insyn.consent.change.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentChangeRepository implements PanacheRepositoryBase<ConsentChange, Long> {

  /** Any constant: the advisory lock under which feed positions are handed out one at a time. */
  private static final long NUMBERING_LOCK = 0xC0_5E47_FEEDL;

  /**
   * Appends a change in the caller's transaction. The position is the next after the last committed
   * one, taken under a transaction-scoped advisory lock that is held until commit: a second writer
   * waits until the first has committed (or rolled back) and only then reads the last position.
   * Positions are therefore gap-free and become visible in order, so a follower that has read up to
   * position n can never later find a change below n. Needs READ COMMITTED (the default), where
   * each statement sees what was committed before it started.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ConsentChange append(UUID consentId, String purposeCode, ConsentChange.Kind kind) {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
        .setParameter(1, NUMBERING_LOCK)
        .getSingleResult();
    long last =
        getEntityManager()
            .createQuery("select coalesce(max(c.position), 0) from ConsentChange c", Long.class)
            .getSingleResult();
    ConsentChange change = new ConsentChange();
    change.position = last + 1;
    change.consentId = consentId;
    change.purposeCode = purposeCode;
    change.change = kind;
    change.changedAt = Instant.now();
    persist(change);
    return change;
  }

  /** Up to {@code limit} changes after {@code position}, in position order. */
  public List<ConsentChange> listAfter(long position, int limit) {
    return find("position > ?1 order by position", position).page(0, limit).list();
  }

  public boolean existsForConsent(UUID consentId) {
    return count("consentId", consentId) > 0;
  }
}
