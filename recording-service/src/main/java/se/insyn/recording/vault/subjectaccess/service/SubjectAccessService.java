package se.insyn.recording.vault.subjectaccess.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
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
import se.insyn.recording.vault.access.repository.AccessRecord;
import se.insyn.recording.vault.access.repository.AccessRecordRepository;
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

  SubjectAccessService(
      RecordingRepository recordings,
      ChannelRepository channels,
      PolicyVersionRepository policies,
      AccessRecordRepository accessRecords,
      Pseudonymizer pseudonymizer,
      AuditOutbox audit) {
    this.recordings = recordings;
    this.channels = channels;
    this.policies = policies;
    this.accessRecords = accessRecords;
    this.pseudonymizer = pseudonymizer;
    this.audit = audit;
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
   * Checks that the recording is the requester's own and records the export; the caller then
   * streams the content.
   */
  @Transactional(dontRollbackOn = ContentGoneException.class)
  public void authorizeCopy(@Valid @NotNull SubjectQuery query, String actor) {
    if (query.recordingId() == null) {
      throw ProblemException.badRequest(
          "recordingId is required", List.of(new Problem.Violation("recordingId", "required")));
    }
    Recording r =
        recordingsOf(query).stream()
            .filter(x -> x.id.equals(query.recordingId()))
            .findFirst()
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "No recording " + query.recordingId() + " of this subject"));
    if (r.disposed()) {
      throw new ContentGoneException(r.id, r.disposalReceipt);
    }
    if (r.contentState != Recording.ContentState.SEALED) {
      throw ProblemException.notFound("The recording has no content");
    }
    PolicyVersion policy = policies.findById(r.policyVersionId);
    AccessRecord a = new AccessRecord();
    a.id = UUID.randomUUID();
    a.recordingId = r.id;
    a.actor = actor;
    a.action = AccessRecord.Action.COPY;
    a.purpose = policy.purpose.name();
    a.detail = "copy for the data subject (R55)";
    a.at = Instant.now();
    accessRecords.persist(a);
    Map<String, Object> data = subjectData(query);
    data.put("export", "SUBJECT_COPY");
    audit.record(
        EventType.RECORDING_EXPORTED,
        "recording/" + r.id,
        policy.purpose.name(),
        policy.legalBasis.name(),
        data);
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
