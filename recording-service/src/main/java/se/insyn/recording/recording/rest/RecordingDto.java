package se.insyn.recording.recording.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.recording.recording.repository.Recording;

/** Where a recording stands. */
public record RecordingDto(
    UUID id,
    Recording.State state,
    UUID channelId,
    UUID policyId,
    int policyVersion,
    Instant startedAt,
    Instant stoppedAt,
    Recording.StopReason stopReason) {

  static RecordingDto of(Recording r) {
    return new RecordingDto(
        r.id,
        r.state,
        r.channelId,
        r.policyId,
        r.policyVersion,
        r.startedAt,
        r.stoppedAt,
        r.stopReason);
  }
}
