package se.insyn.recording.vault.subjectaccess.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
import se.insyn.recording.platform.pseudonym.Pseudonymizer;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.access.repository.AccessApproval;
import se.insyn.recording.vault.access.repository.AccessApprovalRepository;
import se.insyn.recording.vault.access.repository.AccessRecord;
import se.insyn.recording.vault.access.repository.AccessRecordRepository;
import se.insyn.recording.vault.access.service.AccessService;
import se.insyn.recording.vault.content.service.ContentGoneException;

/**
 * "Was my call recorded?" (R54), an employee's recordings (R56), and a copy of one's own recording
 * (R55). The number is looked up only by its pseudonym (R33); every answer is audited.
 */
@ApplicationScoped
public class SubjectAccessService {

  /** One recording of the subject, with who reached it. */
  public record Entry(
      Recording recording, String channelName, PolicyVersion policy, List<AccessRecord> accesses) {}

  private final RecordingRepository recordings;
  private final ChannelRepository channels;
  private final PolicyVersionRepository policies;
  private final AccessRecordRepository accessRecords;
  private final Pseudonymizer pseudonymizer;
  private final AuditOutbox audit;
  private final AccessApprovalRepository approvals;
  private final AccessService access;

  private static final String SECOND_APPROVER =
      "the line is secrecy-classed: ask for the copy (POST /api/v1/subject-access/copy-requests)"
          + " and have another DPO or an investigator approve it first (R50)";

  SubjectAccessService(
      RecordingRepository recordings,
      ChannelRepository channels,
      PolicyVersionRepository policies,
      AccessRecordRepository accessRecords,
      Pseudonymizer pseudonymizer,
      AuditOutbox audit,
      AccessApprovalRepository approvals,
      AccessService access) {
    this.recordings = recordings;
    this.channels = channels;
    this.policies = policies;
    this.accessRecords = accessRecords;
    this.pseudonymizer = pseudonymizer;
    this.audit = audit;
    this.approvals = approvals;
    this.access = access;
  }

  @Transactional
  public List<Entry> find(@Valid @NotNull SubjectQuery query) {
    List<Recording> found = recordingsOf(query);
    List<Entry> entries = new ArrayList<>(found.size());
    for (Recording r : found) {
      entries.add(
          new Entry(
              r,
              channels.findByIdOptional(r.channelId).map(c -> c.name).orElse(null),
              policies.findById(r.policyVersionId),
              accessRecords.listFor(r.id)));
    }
    Map<String, Object> data = subjectData(query);
    data.put("count", entries.size());
    data.put("recordingIds", found.stream().map(r -> r.id.toString()).toList());
    audit.record(
        EventType.SUBJECT_ACCESS_ANSWERED, "subject-access/" + UUID.randomUUID(), null, null, data);
    return entries;
  }

  /**
   * Checks that the recording is the person's own and records the export; the caller then streams
   * the content. A copy is an export like any other (R50, R51, R55): it names the rights request,
   * and a recording on a secrecy-classed line also needs the DPO's own copy request approved by a
   * second person (another DPO or an investigator), used by this one copy.
   */
  @Transactional(dontRollbackOn = {ContentGoneException.class, ProblemException.class})
  public void authorizeCopy(@Valid @NotNull CopyRequest request, String actor) {
    Recording r = ownRecording(request);
    PolicyVersion policy = policies.findById(r.policyVersionId);
    String approvedBy = null;
    if (secrecyClassed(r)) {
      AccessApproval approval =
          approvals
              .usable(r.id, actor, request.reasonCode().name(), request.requestRef(), Instant.now())
              .orElseThrow(
                  () -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("reasonCode", request.reasonCode().name());
                    data.put("caseRef", request.requestRef());
                    data.put("denial", "SECOND_APPROVAL");
                    data.put("detail", SECOND_APPROVER);
                    accessRecord(r, actor, AccessRecord.Action.DENIED, request, policy);
                    audit.record(
                        EventType.RECORDING_ACCESS_DENIED,
                        "recording/" + r.id,
                        policy.purpose.name(),
                        policy.legalBasis.name(),
                        data);
                    return ProblemException.forbidden("Copy refused: " + SECOND_APPROVER);
                  });
      approval.usedAt = Instant.now();
      approvedBy = approval.approvedBy;
    }
    if (r.disposed()) {
      throw new ContentGoneException(r.id, r.disposalReceipt);
    }
    if (r.contentState != Recording.ContentState.SEALED) {
      throw ProblemException.notFound("The recording has no content");
    }
    accessRecord(r, actor, AccessRecord.Action.COPY, request, policy);
    Map<String, Object> data = subjectData(request.query());
    data.put("export", "SUBJECT_COPY");
    data.put("requestRef", request.requestRef());
    data.put("reasonCode", request.reasonCode().name());
    data.put("approvedBy", approvedBy);
    audit.record(
        EventType.RECORDING_EXPORTED,
        "recording/" + r.id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data);
  }

  /** The DPO who needs a copy of a secrecy-classed recording asks for a second approval (R50). */
  @Transactional
  public AccessApproval requestCopy(@Valid @NotNull CopyRequest request, String actor) {
    Recording r = ownRecording(request);
    AccessApproval a = new AccessApproval();
    a.id = UUID.randomUUID();
    a.recordingId = r.id;
    a.requester = actor;
    a.reasonCode = request.reasonCode().name();
    a.caseRef = request.requestRef();
    a.requestedAt = Instant.now();
    approvals.persist(a);
    return a;
  }

  /**
   * A second person (another DPO, or an investigator) approves a DPO's copy request; one copy may
   * use it until {@code insyn.recording.access.approval-validity} has passed (R50).
   */
  @Transactional
  public AccessApproval approveCopy(@NotNull UUID requestId, String approver) {
    AccessApproval a =
        approvals
            .findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE)
            .filter(x -> isCopyReason(x.reasonCode))
            .orElseThrow(() -> ProblemException.notFound("No copy request " + requestId));
    if (approver.equals(a.requester)) {
      throw ProblemException.forbidden("R50: nobody approves their own copy request");
    }
    access.grant(a, approver);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestRef", a.caseRef);
    data.put("reasonCode", a.reasonCode);
    data.put("requester", a.requester);
    data.put("expiresAt", a.expiresAt.toString());
    audit.record(
        EventType.SUBJECT_ACCESS_COPY_APPROVED, "recording/" + a.recordingId, null, null, data);
    return a;
  }

  private static boolean isCopyReason(String code) {
    return Arrays.stream(CopyRequest.Reason.values()).anyMatch(r -> r.name().equals(code));
  }

  private Recording ownRecording(CopyRequest request) {
    return recordingsOf(request.query()).stream()
        .filter(x -> x.id.equals(request.recordingId()))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "No recording " + request.recordingId() + " of this subject"));
  }

  private boolean secrecyClassed(Recording r) {
    return channels.findByIdOptional(r.channelId).map(c -> c.secrecyClass != null).orElse(false);
  }

  private void accessRecord(
      Recording r,
      String actor,
      AccessRecord.Action action,
      CopyRequest request,
      PolicyVersion policy) {
    AccessRecord a = new AccessRecord();
    a.id = UUID.randomUUID();
    a.recordingId = r.id;
    a.actor = actor;
    a.action = action;
    a.reasonCode = request.reasonCode().name();
    a.caseRef = request.requestRef();
    a.purpose = policy.purpose.name();
    a.detail = "copy for the data subject (R55)";
    a.at = Instant.now();
    accessRecords.persist(a);
  }

  private List<Recording> recordingsOf(SubjectQuery q) {
    boolean byPhone = q.phoneNumber() != null;
    boolean byEmployee = q.employeeId() != null && !q.employeeId().isBlank();
    if (byPhone == byEmployee) {
      throw ProblemException.badRequest(
          "Give either phoneNumber or employeeId",
          List.of(new Problem.Violation("phoneNumber", "either phoneNumber or employeeId")));
    }
    if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
      throw ProblemException.badRequest(
          "from must be before to", List.of(new Problem.Violation("to", "after from")));
    }
    return byPhone
        ? recordings.listByCaller(pseudonymizer.phone(q.phoneNumber()), q.from(), q.to())
        : recordings.listByEmployee(q.employeeId(), q.from(), q.to());
  }

  private Map<String, Object> subjectData(SubjectQuery q) {
    Map<String, Object> data = new LinkedHashMap<>();
    // Never the number itself (R33, R62): its pseudonym only.
    data.put("callerHmac", q.phoneNumber() == null ? null : pseudonymizer.phone(q.phoneNumber()));
    data.put("employeeId", q.employeeId());
    data.put("from", q.from() == null ? null : q.from().toString());
    data.put("to", q.to() == null ? null : q.to().toString());
    return data;
  }
}
