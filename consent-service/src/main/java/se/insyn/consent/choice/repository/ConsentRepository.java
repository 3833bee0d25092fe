package se.insyn.consent.choice.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.insyn.consent.subject.SubjectType;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

  /** One count of the statistics: choices in force with this notice version and state. */
  public record StateCount(int noticeVersion, String state, long count) {}

  public Optional<Consent> findByIdForUpdate(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The records that can decide for these subjects, newest first, in one query: standing choices,
   * and choices for the given session when there is one.
   */
  public List<Consent> listForDecision(
      String purposeCode, Collection<String> subjectRefs, String sessionId) {
    if (sessionId == null) {
      return list(
          "purposeCode = ?1 and subjectRef in ?2 and sessionId is null order by recordedAt desc",
          purposeCode,
          subjectRefs);
    }
    return list(
        "purposeCode = ?1 and subjectRef in ?2 and (sessionId is null or sessionId = ?3)"
            + " order by recordedAt desc",
        purposeCode,
        subjectRefs,
        sessionId);
  }

  /**
   * Serialises the choices of one subject about one purpose until the transaction ends, so that a
   * new choice sees every earlier one that has committed.
   */
  public void lockSubject(String purposeCode, SubjectType type, String subjectRef) {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, purposeCode + "\n" + type.name() + "\n" + subjectRef)
        .getSingleResult();
  }

  /**
   * The subject's consents (GIVEN, neither withdrawn nor expired) that a refusal in this scope
   * replaces in every decision: all of them for a standing refusal, those for the same session for
   * a session's refusal.
   */
  public List<Consent> listGivenInForce(
      String purposeCode, SubjectType type, String subjectRef, String sessionId, Instant now) {
    String query =
        "purposeCode = ?1 and subjectType = ?2 and subjectRef = ?3 and choice = ?4"
            + " and withdrawnAt is null and (expiresAt is null or expiresAt > ?5)";
    if (sessionId == null) {
      return list(query, purposeCode, type, subjectRef, Consent.Choice.GIVEN, now);
    }
    return list(
        query + " and sessionId = ?6",
        purposeCode,
        type,
        subjectRef,
        Consent.Choice.GIVEN,
        now,
        sessionId);
  }

  /** Everything one person chose, newest first. */
  public List<Consent> listBySubject(SubjectType type, String subjectRef) {
    return list("subjectType = ?1 and subjectRef = ?2 order by recordedAt desc", type, subjectRef);
  }

  /**
   * Counts of the choices in force for a purpose (the newest per subject and scope) by notice
   * version and state. Only counts leave the database; who chose what does not.
   */
  @SuppressWarnings("unchecked")
  public List<StateCount> countInForce(String purposeCode) {
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                """
                select notice_version, state, count(*) from (
                  select distinct on (subject_type, subject_ref, coalesce(session_id, ''))
                         notice_version,
                         case when withdrawn_at is not null then 'WITHDRAWN'
                              when expires_at is not null and expires_at <= now() then 'EXPIRED'
                              else choice end as state
                    from consent
                   where purpose_code = ?1
                   order by subject_type, subject_ref, coalesce(session_id, ''), recorded_at desc
                ) in_force
                group by notice_version, state
                order by notice_version, state
                """)
            .setParameter(1, purposeCode)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StateCount(
                    ((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }
}
