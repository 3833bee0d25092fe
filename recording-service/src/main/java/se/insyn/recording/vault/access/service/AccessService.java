package se.insyn.recording.vault.access.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.service.LineSecrecy;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.access.repository.AccessApproval;
import se.insyn.recording.vault.access.repository.AccessApprovalRepository;
import se.insyn.recording.vault.access.repository.AccessRecord;
import se.insyn.recording.vault.access.repository.AccessRecordRepository;
import se.insyn.recording.vault.content.service.ContentGoneException;

/**
 * Who may reach a recording's content, and the record that they did or were refused (R8, R35, R50,
 * R51). Refusals are committed (they are the point of the record), so the checks run in a
 * transaction that does not roll back on them. The role check is made here rather than by
 * {@code @RolesAllowed} so that a refused role is audited like every other refusal.
 */
@ApplicationScoped
public class AccessService {

  public static final String PLAYBACK_ROLE = "reviewer";

  private static final List<Problem.Violation> BODY_MISSING =
      List.of(new Problem.Violation("body", "a reasonCode and a caseRef"));

  private final RecordingRepository recordings;
  private final PolicyVersionRepository policies;
  private final LineSecrecy lineSecrecy;
  private final AccessRecordRepository records;
  private final AccessApprovalRepository approvals;
  private final AuditOutbox audit;
  private final RecordingConfig config;
  private final ObjectMapper json;
  private final Validator validator;

  AccessService(
      RecordingRepository recordings,
      PolicyVersionRepository policies,
      LineSecrecy lineSecrecy,
      AccessRecordRepository records,
      AccessApprovalRepository approvals,
      AuditOutbox audit,
      RecordingConfig config,
      ObjectMapper json,
      Validator validator) {
    this.recordings = recordings;
    this.policies = policies;
    this.lineSecrecy = lineSecrecy;
    this.records = records;
    this.approvals = approvals;
    this.audit = audit;
    this.config = config;
    this.json = json;
    this.validator = validator;
  }

  /**
   * Checks a playback; on success the access is recorded and the content may be streamed. The body
   * is read here, not by the framework, so that a missing or malformed reason is a refusal that is
   * recorded like any other (R51, R60). A caller without the role is refused before the recording
   * is looked up, so the answer does not tell whether the id exists.
   */
  @Transactional(dontRollbackOn = {ProblemException.class, ContentGoneException.class})
  public void authorizePlayback(@NotNull UUID id, String body, SecurityIdentity caller) {
    String actor = subject(caller);
    Optional<Recording> found = recordings.findByIdOptional(id);
    PolicyVersion policy = found.map(r -> policies.findById(r.policyVersionId)).orElse(null);
    Optional<AccessReason> parsed = read(body);
    AccessReason reason = parsed.orElse(new AccessReason(null, null));
    if (!caller.hasRole(PLAYBACK_ROLE)) {
      throw deny(id, actor, reason, policy, "ROLE", "only a reviewer may play content");
    }
    List<Problem.Violation> violations = parsed.map(this::violations).orElse(BODY_MISSING);
    if (!violations.isEmpty()) {
      denial(id, actor, reason, policy, "REASON", "no valid reason given (R50)");
      throw ProblemException.badRequest(
          "R50: a playback needs a reason code and a case reference", violations);
    }
    Recording r = found.orElseThrow(() -> ProblemException.notFound("No recording " + id));
    if (reason.reasonCode().purpose() != policy.purpose) {
      throw deny(
          id,
          actor,
          reason,
          policy,
          "PURPOSE",
          "recorded for "
              + policy.purpose
              + "; reason "
              + reason.reasonCode()
              + " serves "
              + reason.reasonCode().purpose()
              + " (R8)");
    }
    Set<String> secrecy = lineSecrecy.of(r);
    if (!secrecy.isEmpty()) {
      Optional<AccessApproval> approval =
          approvals.usable(id, actor, reason.reasonCode().name(), reason.caseRef(), Instant.now());
      if (approval.isEmpty()) {
        throw deny(
            id,
            actor,
            reason,
            policy,
            "SECOND_APPROVAL",
            "the recording touched a secrecy-classed line ("
                + String.join(", ", secrecy)
                + "): request access and have a second reviewer approve it first; an approval"
                + " is used by one playback and expires (R35, R50)");
      }
      approval.get().usedAt = Instant.now();
    }
    if (r.disposed()) {
      throw new ContentGoneException(id, r.disposalReceipt);
    }
    if (r.contentState != Recording.ContentState.SEALED) {
      throw ProblemException.notFound("The recording has no content");
    }
    record(id, actor, AccessRecord.Action.PLAYBACK, reason, policy, null);
    audit.record(
        EventType.RECORDING_PLAYED,
        "recording/" + id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data(reason, null));
  }

  /** The person who needs access to a secrecy-classed recording asks for it (R50). */
  @Transactional
  public AccessApproval request(
      @NotNull UUID id, @Valid @NotNull AccessReason reason, SecurityIdentity caller) {
    find(id);
    AccessApproval a = new AccessApproval();
    a.id = UUID.randomUUID();
    a.recordingId = id;
    a.requester = subject(caller);
    a.reasonCode = reason.reasonCode().name();
    a.caseRef = reason.caseRef();
    a.requestedAt = Instant.now();
    approvals.persist(a);
    return a;
  }

  /**
   * A second reviewer approves someone else's pending, unexpired request (R50). The approval is
   * usable by one playback until {@code insyn.recording.access.approval-validity} has passed.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public AccessApproval approve(
      @NotNull UUID id, @NotNull UUID requestId, SecurityIdentity caller) {
    Recording r = find(id);
    AccessApproval a =
        approvals
            .findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE)
            .filter(x -> x.recordingId.equals(id) && isPlaybackReason(x.reasonCode))
            .orElseThrow(() -> ProblemException.notFound("No access request " + requestId));
    String approver = subject(caller);
    PolicyVersion policy = policies.findById(r.policyVersionId);
    AccessReason reason = new AccessReason(ReasonCode.valueOf(a.reasonCode), a.caseRef);
    if (approver.equals(a.requester)) {
      throw deny(id, approver, reason, policy, "SELF_APPROVAL", "nobody approves their own access");
    }
    grant(a, approver);
    record(id, approver, AccessRecord.Action.APPROVAL, reason, policy, "for " + a.requester);
    Map<String, Object> data = data(reason, null);
    data.put("requester", a.requester);
    data.put("expiresAt", a.expiresAt.toString());
    audit.record(
        EventType.RECORDING_ACCESS_APPROVED,
        "recording/" + id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data);
    return a;
  }

  /**
   * Approves a pending request that has not waited longer than the approval validity; the approval
   * is then usable until that validity has passed again (R50).
   */
  public void grant(AccessApproval a, String approver) {
    if (a.approvedAt != null) {
      throw ProblemException.conflict("The request was already approved");
    }
    Instant now = Instant.now();
    Duration validity = config.access().approvalValidity();
    if (!a.requestedAt.plus(validity).isAfter(now)) {
      throw ProblemException.conflict("The request has expired; the requester asks again (R50)");
    }
    a.approvedBy = approver;
    a.approvedAt = now;
    a.expiresAt = now.plus(validity);
  }

  /** Subject-access copy requests share the table; they are approved elsewhere. */
  private static boolean isPlaybackReason(String code) {
    return Arrays.stream(ReasonCode.values()).anyMatch(c -> c.name().equals(code));
  }

  private Optional<AccessReason> read(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(json.readValue(body, AccessReason.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private List<Problem.Violation> violations(AccessReason reason) {
    return validator.validate(reason).stream()
        .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()))
        .toList();
  }

  /** Records a refusal and returns the problem to throw (403). */
  private ProblemException deny(
      UUID id,
      String actor,
      AccessReason reason,
      PolicyVersion policy,
      String denial,
      String detail) {
    denial(id, actor, reason, policy, denial, detail);
    return ProblemException.forbidden("Access refused: " + detail);
  }

  /** Records a refusal; {@code policy} is null when the probed recording does not exist. */
  private void denial(
      UUID id,
      String actor,
      AccessReason reason,
      PolicyVersion policy,
      String denial,
      String detail) {
    record(id, actor, AccessRecord.Action.DENIED, reason, policy, denial);
    Map<String, Object> data = data(reason, denial);
    data.put("detail", detail);
    audit.record(
        EventType.RECORDING_ACCESS_DENIED,
        "recording/" + id,
        policy == null ? null : policy.purpose.name(),
        policy == null ? null : policy.legalBasis.name(),
        data);
  }

  private void record(
      UUID id,
      String actor,
      AccessRecord.Action action,
      AccessReason reason,
      PolicyVersion policy,
      String detail) {
    AccessRecord a = new AccessRecord();
    a.id = UUID.randomUUID();
    a.recordingId = id;
    a.actor = actor;
    a.action = action;
    a.reasonCode = reason.reasonCode() == null ? null : reason.reasonCode().name();
    a.caseRef = reason.caseRef();
    a.purpose = policy == null ? null : policy.purpose.name();
    a.detail = detail;
    a.at = Instant.now();
    records.persist(a);
  }

  private static Map<String, Object> data(AccessReason reason, String denial) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reasonCode", reason.reasonCode() == null ? null : reason.reasonCode().name());
    data.put(
        "reasonPurpose", reason.reasonCode() == null ? null : reason.reasonCode().purpose().name());
    data.put("caseRef", reason.caseRef());
    if (denial != null) {
      data.put("denial", denial);
    }
    return data;
  }

  /** The token subject, as everywhere else in the suite's records (issue 21 item 3). */
  static String subject(SecurityIdentity caller) {
    return Caller.of(caller).subject();
  }

  private Recording find(UUID id) {
    return recordings
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("No recording " + id));
  }
}
