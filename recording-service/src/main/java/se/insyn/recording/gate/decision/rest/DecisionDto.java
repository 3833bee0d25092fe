package se.insyn.recording.gate.decision.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.recording.gate.decision.service.Decision;

/** PERMIT: id, policy version, notice and when it is disposed of. DENY: the reasons. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionDto(
    UUID id,
    Decision.Verdict decision,
    UUID policyId,
    Integer policyVersion,
    String noticeVersion,
    Map<String, String> announcement,
    Instant deleteAfter,
    List<Decision.Reason> reasons) {

  static DecisionDto of(Decision d) {
    return new DecisionDto(
        d.id(),
        d.decision(),
        d.policyId(),
        d.policyVersion(),
        d.noticeVersion(),
        d.announcement(),
        d.deleteAfter(),
        d.permitted() ? null : d.reasons());
  }
}
