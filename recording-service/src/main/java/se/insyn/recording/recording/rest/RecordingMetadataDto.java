package se.insyn.recording.recording.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.recording.recording.repository.Recording;

/** A recording's metadata as listed to metadata roles (R50): never content, never numbers. */
public record RecordingMetadataDto(
    UUID id,
    Recording.State state,
    UUID channelId,
    UUID policyId,
    int policyVersion,
    Instant createdAt,
    Instant startedAt,
    Instant stoppedAt,
    Instant deleteAfter,
    Recording.ContentState contentState,
    String contentHash,
    Instant disposedAt) {

  static RecordingMetadataDto of(Recording r) {
    return new RecordingMetadataDto(
        r.id,
        r.state,
        r.channelId,
        r.policyId,
        r.policyVersion,
        r.createdAt,
        r.startedAt,
        r.stoppedAt,
        r.deleteAfter,
        r.contentState,
        r.contentHash,
        r.disposedAt);
  }
}
