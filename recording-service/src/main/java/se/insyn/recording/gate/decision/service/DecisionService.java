package se.insyn.recording.gate.decision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.insyn.recording.gate.consent.ConsentGateway;
import se.insyn.recording.gate.decision.service.Decision.Reason;
import se.insyn.recording.gate.decision.service.DecisionGate.Candidate;
import se.insyn.recording.gate.policy.repository.PolicyVersion.ConsentParties;
import se.insyn.recording.recording.service.PlatformGuard;

/**
 * "May I record?" (R1, R2, R29, R38): the gate, then whether the asking platform serves the channel
 * (issue 21), then the consent-service for the parties the policy names, then the outcome with its
 * audit event. Deliberately not one transaction: no database connection waits on the
 * consent-service.
 */
@ApplicationScoped
public class DecisionService {

  private final DecisionGate gate;
  private final ConsentGateway consent;
  private final PlatformGuard platforms;

  DecisionService(DecisionGate gate, ConsentGateway consent, PlatformGuard platforms) {
    this.gate = gate;
    this.consent = consent;
    this.platforms = platforms;
  }

  public Decision decide(@Valid @NotNull RecordingRequest request) {
    Instant now = Instant.now();
    DecisionGate.Evaluation evaluation = gate.evaluate(request, now);
    if (evaluation.channelKnown()) {
      platforms.requireServes(request.channelId(), evaluation.servedBy());
    }
    String platform = platforms.platform();
    if (evaluation.candidate().isEmpty()) {
      return gate.deny(request, evaluation.reasons(), Optional.empty(), null);
    }
    Candidate policy = evaluation.candidate().get();
    if (policy.consentParties() == ConsentParties.NONE) {
      return gate.permit(request, platform, policy, null, List.of(), now);
    }
    boolean askCaller = policy.consentParties().caller();
    boolean askEmployees = policy.consentParties().employee();
    // Nobody to ask is no affirmative consent (R12): a withheld number cannot say yes.
    if ((askCaller && request.callerNumber() == null)
        || (askEmployees && request.employeeIds().isEmpty())) {
      return gate.deny(request, List.of(Reason.CONSENT_DENIED), Optional.of(policy), null);
    }
    ConsentGateway.Verdict verdict =
        consent.ask(
            policy.consentPurpose(),
            askCaller ? request.callerNumber() : null,
            askEmployees ? request.employeeIds() : List.of(),
            request.callId());
    return switch (verdict.outcome()) {
      case PERMIT ->
          gate.permit(request, platform, policy, verdict.decisionId(), verdict.consentIds(), now);
      case DENY ->
          gate.deny(
              request, List.of(Reason.CONSENT_DENIED), Optional.of(policy), verdict.decisionId());
      case UNAVAILABLE ->
          gate.deny(request, List.of(Reason.DECISION_UNAVAILABLE), Optional.of(policy), null);
    };
  }
}
