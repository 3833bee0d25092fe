package se.insyn.recording.vault.access.service;

import se.insyn.recording.gate.policy.repository.PolicyVersion.Purpose;

/**
 * Why someone needs a recording's content, from a fixed list; each reason serves one purpose, and
 * content is only reached for a purpose it was recorded for (R8, R50).
 */
public enum ReasonCode {
  THREAT_INVESTIGATION(Purpose.THREAT_DOCUMENTATION),
  PATIENT_SAFETY_REVIEW(Purpose.PATIENT_SAFETY),
  CASE_HANDLING(Purpose.CASE_DOCUMENTATION),
  QUALITY_REVIEW(Purpose.QUALITY_TRAINING);

  private final Purpose purpose;

  ReasonCode(Purpose purpose) {
    this.purpose = purpose;
  }

  public Purpose purpose() {
    return purpose;
  }
}
