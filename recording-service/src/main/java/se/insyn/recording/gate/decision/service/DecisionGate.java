package se.insyn.recording.gate.decision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.gate.channel.repository.Channel;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.gate.decision.service.Decision.Reason;
import se.insyn.recording.gate.killswitch.repository.KillSwitchRepository;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
import se.insyn.recording.gate.policy.service.PolicyRules;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.platform.pseudonym.Pseudonymizer;
import se.insyn.recording.recording.repository.ConsentLocks;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;

/**
 * The database side of the decision, in short transactions so that no connection is held while the
 * consent-service is asked: first the gate (channel, kill switch, policy), then the outcome with
 * its audit event.
 */
@ApplicationScoped
public class DecisionGate {

  /** The policy version a request falls under, copied out of the persistence context. */
  public record Candidate(
      UUID policyVersionId,
      UUID policyId,
      int version,
      String purpose,
      String legalBasis,
      PolicyVersion.ConsentParties consentParties,
      String consentPurpose,
      String noticeVersion,
      Map<String, String> announcement,
      String retention) {

    static Candidate of(PolicyVersion v) {
      return new Candidate(
          v.id,
          v.policyId,
          v.version,
          v.purpose.name(),
          v.legalBasis.name(),
          v.consentParties,
          v.consentPurpose,
          v.noticeVersion,
          Map.copyOf(v.announcement),
          v.retention);
    }
  }

  /**
   * Either a candidate policy version or the reasons to deny; and whether the channel exists and
   * which platform serves it (null: none).
   */
  public record Evaluation(
      Optional<Candidate> candidate, List<Reason> reasons, boolean channelKnown, String servedBy) {}

  private final ChannelRepository channels;
  private final KillSwitchRepository killSwitch;
  private final PolicyVersionRepository policies;
  private final RecordingRepository recordings;
  private final ConsentLocks consentLocks;
  private final Pseudonymizer pseudonymizer;
  private final AuditOutbox audit;
  private final RecordingConfig config;

  DecisionGate(
      ChannelRepository channels,
      KillSwitchRepository killSwitch,
      PolicyVersionRepository policies,
      RecordingRepository recordings,
      ConsentLocks consentLocks,
      Pseudonymizer pseudonymizer,
      AuditOutbox audit,
      RecordingConfig config) {
    this.channels = channels;
    this.killSwitch = killSwitch;
    this.policies = policies;
    this.recordings = recordings;
    this.consentLocks = consentLocks;
    this.pseudonymizer = pseudonymizer;
    this.audit = audit;
    this.config = config;
  }

  /**
   * Looks up what the {@link DecisionRules} need: the channel, the kill switch and the active
   * versions of the channel's policies (none asked for an unknown channel).
   */
  @Transactional
  public Evaluation evaluate(RecordingRequest request, Instant now) {
    Optional<Channel> channel = channels.findByIdOptional(request.channelId());
    DecisionRules.ChannelFacts facts =
        channel
            .map(c -> new DecisionRules.ChannelFacts(true, c.protectedClass != null))
            .orElse(DecisionRules.ChannelFacts.UNKNOWN);
    List<PolicyVersion> active =
        facts.known() ? policies.listActiveForChannel(request.channelId()) : List.of();
    DecisionRules.Outcome outcome =
        DecisionRules.evaluate(
            facts,
            killSwitch.engagedFor(request.channelId()),
            active,
            request,
            now,
            config.scopeZone());
    return new Evaluation(
        outcome.chosen().map(Candidate::of),
        outcome.reasons(),
        channel.isPresent(),
        channel.map(c -> c.platform).orElse(null));
  }

  /**
   * Records a PERMIT for the platform that asked, unless the kill switch was engaged while the
   * consent-service was asked: then it is a DENY after all.
   */
  @Transactional
  public Decision permit(
      RecordingRequest request,
      String platform,
      Candidate policy,
      String consentDecisionId,
      List<String> consentIds,
      Instant now) {
    if (killSwitch.engagedFor(request.channelId())) {
      return deny(request, List.of(Reason.KILL_SWITCH), Optional.of(policy), consentDecisionId);
    }
    if (!consentIds.isEmpty()) {
      // A consent withdrawn after the consent-service answered, and already applied by the
      // follower, must not start a recording (the follower could no longer see it to stop it).
      consentLocks.lockAll(consentIds);
      if (consentLocks.anyEnded(consentIds)) {
        return deny(
            request, List.of(Reason.CONSENT_DENIED), Optional.of(policy), consentDecisionId);
      }
    }
    Recording r = new Recording();
    r.id = UUID.randomUUID();
    r.channelId = request.channelId();
    r.platform = platform;
    r.policyVersionId = policy.policyVersionId();
    r.policyId = policy.policyId();
    r.policyVersion = policy.version();
    r.callId = request.callId();
    r.direction = request.direction();
    r.trigger = request.trigger();
    r.state = Recording.State.PERMITTED;
    r.callerHmac =
        request.callerNumber() == null ? null : pseudonymizer.phone(request.callerNumber());
    r.employeeSubjects = new ArrayList<>(request.employeeIds());
    r.noticeVersion = policy.noticeVersion();
    r.consentDecisionId = consentDecisionId;
    r.consentIds = new ArrayList<>(consentIds);
    r.deleteAfter =
        PolicyRules.deleteAfter(policy.retention(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .map(OffsetDateTime::toInstant)
            .orElse(null);
    r.createdAt = now;
    recordings.persist(r);
    Map<String, Object> data = data(request, Decision.Verdict.PERMIT, List.of(), policy);
    data.put("consentDecisionId", consentDecisionId);
    data.put("consentIds", consentIds);
    data.put("callerHmac", r.callerHmac);
    audit.record(
        EventType.RECORDING_DECISION,
        "recording/" + r.id,
        policy.purpose(),
        policy.legalBasis(),
        data);
    return new Decision(
        r.id,
        Decision.Verdict.PERMIT,
        policy.policyId(),
        policy.version(),
        policy.noticeVersion(),
        policy.announcement(),
        r.deleteAfter,
        List.of());
  }

  /** Records a DENY; the subject is the channel since there is no recording (R1, R59). */
  @Transactional
  public Decision deny(
      RecordingRequest request,
      List<Reason> reasons,
      Optional<Candidate> policy,
      String consentDecisionId) {
    Map<String, Object> data = data(request, Decision.Verdict.DENY, reasons, policy.orElse(null));
    data.put("consentDecisionId", consentDecisionId);
    audit.record(
        EventType.RECORDING_DECISION,
        "channel/" + request.channelId(),
        policy.map(Candidate::purpose).orElse(null),
        policy.map(Candidate::legalBasis).orElse(null),
        data);
    return Decision.deny(reasons);
  }

  private static Map<String, Object> data(
      RecordingRequest request, Decision.Verdict verdict, List<Reason> reasons, Candidate policy) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decision", verdict.name());
    data.put("reasons", reasons.stream().map(Reason::name).toList());
    data.put("channelId", request.channelId().toString());
    data.put("callId", request.callId());
    data.put("direction", request.direction().name());
    data.put("trigger", request.trigger().name());
    data.put("policyId", policy == null ? null : policy.policyId().toString());
    data.put("policyVersion", policy == null ? null : policy.version());
    data.put("noticeVersion", policy == null ? null : policy.noticeVersion());
    return data;
  }
}
