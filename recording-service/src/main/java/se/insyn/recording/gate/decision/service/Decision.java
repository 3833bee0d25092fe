package se.insyn.recording.gate.decision.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer to "may I record?": a PERMIT with a recording id, or a DENY with reasons. */
public record Decision(
    UUID id,
    Verdict decision,
    UUID policyId,
    Integer policyVersion,
    String noticeVersion,
    Map<String, String> announcement,
    Instant deleteAfter,
    List<Reason> reasons) {

  public enum Verdict {
    PERMIT,
    DENY
  }

  public enum Reason {
    NO_APPROVED_POLICY,
    KILL_SWITCH,
    PROTECTED_LINE,
    OUTSIDE_SCOPE,
    CONSENT_DENIED,
    DECISION_UNAVAILABLE
  }

  static Decision deny(List<Reason> reasons) {
    return new Decision(null, Verdict.DENY, null, null, null, null, null, List.copyOf(reasons));
  }

  public boolean permitted() {
    return decision == Verdict.PERMIT;
  }
}
