package se.insyn.consent.decision.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The answer: PERMIT only when every subject permits. {@code subjects} are in the order asked.
 *
 * @param decisionId the id of the audit event that records this decision
 */
public record Decision(Outcome decision, UUID decisionId, List<SubjectDecision> subjects) {

  public enum Outcome {
    PERMIT,
    DENY
  }

  /** Why a subject permits or denies. */
  public enum Reason {
    /** PERMIT: an opt-in consent in force under a notice version that still counts. */
    CONSENT_GIVEN,
    /** PERMIT: an opt-out purpose the person has not objected to. */
    NOT_OBJECTED,
    /**
     * DENY: no consent recorded, the purpose does not concern this kind of subject, or it has no
     * notice published yet.
     */
    NO_CONSENT,
    REFUSED,
    WITHDRAWN,
    EXPIRED,
    /** DENY: the consent was given under a notice version older than a material change. */
    STALE_NOTICE,
    OBJECTED,
    UNKNOWN_PURPOSE
  }

  /**
   * One subject's part.
   *
   * @param consentId the choice that decided, when one did
   * @param noticeVersion the notice version of that choice
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SubjectDecision(
      Outcome decision, Reason reason, UUID consentId, Integer noticeVersion) {}
}
