package se.insyn.consent.decision.service;

import java.time.Instant;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.decision.service.Decision.Outcome;
import se.insyn.consent.decision.service.Decision.Reason;
import se.insyn.consent.decision.service.Decision.SubjectDecision;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.subject.SubjectType;

/**
 * How one subject's latest choice turns into PERMIT or DENY. Anything that is not positively
 * allowed is denied (fail closed).
 */
final class DecisionRules {

  private DecisionRules() {}

  /**
   * @param latest the subject's newest choice that applies (standing or for the session), or null
   */
  static SubjectDecision decide(Purpose purpose, SubjectType subject, Consent latest, Instant now) {
    boolean concerned =
        subject == SubjectType.EMPLOYEE ? purpose.concernsEmployees : purpose.concernsCitizens;
    // Nobody has been informed of a purpose without a notice (R26), and a purpose's rules say
    // nothing about people it does not concern.
    if (!concerned || purpose.currentNoticeVersion == null) {
      return deny(Reason.NO_CONSENT, null);
    }
    boolean inForce = latest != null && latest.withdrawnAt == null && !latest.isExpiredAt(now);
    if (purpose.choiceModel == Purpose.ChoiceModel.OPT_OUT) {
      return inForce && latest.choice == Consent.Choice.REFUSED
          ? deny(Reason.OBJECTED, latest)
          : new SubjectDecision(
              Outcome.PERMIT,
              Reason.NOT_OBJECTED,
              inForce ? latest.id : null,
              inForce ? latest.noticeVersion : null);
    }
    if (latest == null) {
      return deny(Reason.NO_CONSENT, null);
    }
    if (latest.withdrawnAt != null) {
      return deny(Reason.WITHDRAWN, latest);
    }
    if (latest.choice == Consent.Choice.REFUSED) {
      return deny(Reason.REFUSED, latest);
    }
    if (latest.isExpiredAt(now)) {
      return deny(Reason.EXPIRED, latest);
    }
    if (purpose.countingFromVersion == null || latest.noticeVersion < purpose.countingFromVersion) {
      return deny(Reason.STALE_NOTICE, latest);
    }
    return new SubjectDecision(
        Outcome.PERMIT, Reason.CONSENT_GIVEN, latest.id, latest.noticeVersion);
  }

  static SubjectDecision deny(Reason reason, Consent choice) {
    return new SubjectDecision(
        Outcome.DENY,
        reason,
        choice == null ? null : choice.id,
        choice == null ? null : choice.noticeVersion);
  }
}
