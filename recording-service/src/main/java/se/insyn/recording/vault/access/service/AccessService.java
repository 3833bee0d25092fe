package se.insyn.recording.vault.access.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.service.LineSecrecy;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
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

  private final RecordingRepository recordings;
  private final PolicyVersionRepository policies;
  private final LineSecrecy lineSecrecy;
  private final AccessRecordRepository records;
  private final AccessApprovalRepository approvals;
  private final AuditOutbox audit;

  AccessService(
      RecordingRepository recordings,
      PolicyVersionRepository policies,
      LineSecrecy lineSecrecy,
      AccessRecordRepository records,
      AccessApprovalRepository approvals,
      AuditOutbox audit) {
    this.recordings = recordings;
    this.policies = policies;
    this.lineSecrecy = lineSecrecy;
    this.records = records;
    this.approvals = approvals;
    this.audit = audit;
  }

  /** Checks a playback; on success the access is recorded and the content may be streamed. */
  @Transactional(dontRollbackOn = {ProblemException.class, ContentGoneException.class})
  public void authorizePlayback(
      @NotNull UUID id, @Valid @NotNull AccessReason reason, SecurityIdentity caller) {
    Recording r = find(id);
    String actor = subject(caller);
    PolicyVersion policy = policies.findById(r.policyVersionId);
    if (!caller.hasRole(PLAYBACK_ROLE)) {
      throw deny(r, actor, reason, policy, "ROLE", "only a reviewer may play content");
    }
    if (reason.reasonCode().purpose() != policy.purpose) {
      throw deny(
          r,
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
    if (!secrecy.isEmpty()
        && !approvals.approved(id, actor, reason.reasonCode().name(), reason.caseRef())) {
      throw deny(
          r,
          actor,
          reason,
          policy,
          "SECOND_APPROVAL",
          "the recording touched a secrecy-classed line ("
              + String.join(", ", secrecy)
              + "): a second reviewer must approve this access first (R35, R50)");
    }
    if (r.disposed()) {
      throw new ContentGoneException(id, r.disposalReceipt);
    }
    if (r.contentState != Recording.ContentState.SEALED) {
      throw ProblemException.notFound("The recording has no content");
    }
    record(r, actor, AccessRecord.Action.PLAYBACK, reason, policy, null);
    audit.record(
        EventType.RECORDING_PLAYED,
        "recording/" + id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data(reason, null));
  }

  /** A second reviewer approves another's access to secrecy-classed content (R50). */
  @Transactional(dontRollbackOn = ProblemException.class)
  public AccessApproval approve(
      @NotNull UUID id, @Valid @NotNull Approval request, SecurityIdentity caller) {
    Recording r = find(id);
    String approver = subject(caller);
    PolicyVersion policy = policies.findById(r.policyVersionId);
    AccessReason reason = new AccessReason(request.reasonCode(), request.caseRef());
    if (approver.equals(request.requester())) {
      throw deny(r, approver, reason, policy, "SELF_APPROVAL", "nobody approves their own access");
    }
    AccessApproval a = new AccessApproval();
    a.id = UUID.randomUUID();
    a.recordingId = id;
    a.requester = request.requester();
    a.reasonCode = request.reasonCode().name();
    a.caseRef = request.caseRef();
    a.approvedBy = approver;
    a.approvedAt = Instant.now();
    approvals.persist(a);
    record(r, approver, AccessRecord.Action.APPROVAL, reason, policy, "for " + a.requester);
    Map<String, Object> data = data(reason, null);
    data.put("requester", a.requester);
    audit.record(
        EventType.RECORDING_ACCESS_APPROVED,
        "recording/" + id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data);
    return a;
  }

  /** Records a refusal and returns the problem to throw (403). */
  private ProblemException deny(
      Recording r,
      String actor,
      AccessReason reason,
      PolicyVersion policy,
      String denial,
      String detail) {
    record(r, actor, AccessRecord.Action.DENIED, reason, policy, denial);
    Map<String, Object> data = data(reason, denial);
    data.put("detail", detail);
    audit.record(
        EventType.RECORDING_ACCESS_DENIED,
        "recording/" + r.id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data);
    return ProblemException.forbidden("Access refused: " + detail);
  }

  private void record(
      Recording r,
      String actor,
      AccessRecord.Action action,
      AccessReason reason,
      PolicyVersion policy,
      String detail) {
    AccessRecord a = new AccessRecord();
    a.id = UUID.randomUUID();
    a.recordingId = r.id;
    a.actor = actor;
    a.action = action;
    a.reasonCode = reason.reasonCode() == null ? null : reason.reasonCode().name();
    a.caseRef = reason.caseRef();
    a.purpose = policy.purpose.name();
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
