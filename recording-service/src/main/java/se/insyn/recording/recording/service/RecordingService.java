package se.insyn.recording.recording.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.recording.repository.TransferSegment;
import se.insyn.recording.recording.repository.TransferSegmentRepository;

/** What happens to a permitted recording: confirmed start (R20), transfer (R27), stop. */
@ApplicationScoped
public class RecordingService {

  private final RecordingRepository recordings;
  private final TransferScope scope;
  private final RecordingStopper stopper;
  private final AuditOutbox audit;
  private final PlatformGuard platforms;
  private final TransferSegmentRepository segments;

  RecordingService(
      RecordingRepository recordings,
      TransferScope scope,
      RecordingStopper stopper,
      AuditOutbox audit,
      PlatformGuard platforms,
      TransferSegmentRepository segments) {
    this.segments = segments;
    this.recordings = recordings;
    this.scope = scope;
    this.stopper = stopper;
    this.audit = audit;
    this.platforms = platforms;
  }

  /** The platform confirms the notice has played; only now may capture begin (R20). */
  @Transactional
  public Recording started(@NotNull UUID id) {
    Recording r = find(id, PlatformGuard.Action.START);
    if (r.state != Recording.State.PERMITTED) {
      throw ProblemException.conflict("The recording is " + r.state + ", not awaiting its start");
    }
    r.state = Recording.State.RECORDING;
    r.startedAt = Instant.now();
    audit.record(
        EventType.RECORDING_STARTED,
        "recording/" + r.id,
        null,
        null,
        Map.of(
            "channelId", r.channelId.toString(),
            "policyId", r.policyId.toString(),
            "policyVersion", r.policyVersion,
            "noticeVersion", String.valueOf(r.noticeVersion)));
    return r;
  }

  /**
   * The call moves to another channel. The recording stays on the line it was made on and the
   * transfer is kept as a segment (issue 20 item 1). Recording goes on only if the target is
   * covered by the same, still active policy version and is neither protected nor killed; otherwise
   * it stops at the transfer (R27). An unknown target is a 422: nothing is recorded of a line the
   * suite does not know.
   */
  @Transactional
  public Recording transfer(@NotNull UUID id, @Valid @NotNull Transfer request) {
    Recording r = find(id, PlatformGuard.Action.TRANSFER);
    if (!r.inProgress()) {
      throw ProblemException.conflict("The recording has already stopped");
    }
    UUID target = request.targetChannelId();
    if (!scope.knows(target)) {
      throw ProblemException.unprocessable(
          "Unknown line",
          "No line " + target + ": a call can only be transferred to a known line (R27)",
          List.of(new Problem.Violation("targetChannelId", "no channel " + target + " (R27)")));
    }
    boolean inScope = scope.covers(r, target);
    List<UUID> lines = segments.linesOf(r);
    TransferSegment segment = new TransferSegment();
    segment.id = UUID.randomUUID();
    segment.recordingId = r.id;
    segment.targetChannelId = target;
    segment.transferredAt = Instant.now();
    segment.inScope = inScope;
    segments.persist(segment);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channelId", r.channelId.toString());
    data.put("fromChannelId", lines.get(lines.size() - 1).toString());
    data.put("toChannelId", target.toString());
    data.put("inScope", inScope);
    data.put("policyId", r.policyId.toString());
    data.put("policyVersion", r.policyVersion);
    audit.record(EventType.RECORDING_TRANSFERRED, "recording/" + r.id, null, null, data);
    if (!inScope) {
      stopper.stop(r, Recording.StopReason.TRANSFER_OUT_OF_SCOPE);
    }
    return r;
  }

  @Transactional
  public Recording stop(@NotNull UUID id) {
    Recording r = find(id, PlatformGuard.Action.STOP);
    if (!r.inProgress()) {
      throw ProblemException.conflict("The recording has already stopped");
    }
    stopper.stop(r, Recording.StopReason.ENDED);
    return r;
  }

  /** The recording, if the calling platform started it (issue 21). */
  private Recording find(UUID id, PlatformGuard.Action action) {
    Recording r =
        recordings
            .findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("No recording " + id));
    platforms.requireOwn(r, action);
    return r;
  }
}
