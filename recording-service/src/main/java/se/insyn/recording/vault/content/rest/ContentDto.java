package se.insyn.recording.vault.content.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.recording.recording.repository.Recording;

/** What is known about a recording's content: never the content itself. */
public record ContentDto(
    UUID recordingId,
    Recording.ContentState state,
    String contentType,
    Long size,
    String sha256,
    String seal,
    Boolean sealIntact,
    Instant sealedAt) {

  public static ContentDto of(Recording r, Boolean sealIntact) {
    return new ContentDto(
        r.id,
        r.contentState,
        r.contentType,
        r.contentSize,
        r.contentHash,
        r.contentSeal,
        sealIntact,
        r.sealedAt);
  }
}
