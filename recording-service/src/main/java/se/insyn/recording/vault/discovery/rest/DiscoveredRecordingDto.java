package se.insyn.recording.vault.discovery.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import se.insyn.recording.vault.discovery.repository.DiscoveredRecording;

/** A discovered recording as incident handlers and the DPO see it; the caller only as an HMAC. */
public record DiscoveredRecordingDto(
    UUID id,
    UUID batchId,
    String platform,
    String externalId,
    UUID channelId,
    String address,
    Instant recordedAt,
    int durationSeconds,
    String callerHmac,
    Instant foundAt,
    DiscoveredRecording.Status status,
    UUID matchedRecordingId,
    DiscoveredRecording.ContentState contentState,
    String contentHash,
    DiscoveredRecording.Decision decision,
    String decisionRef,
    UUID holdId,
    String rationale,
    String decidedBy,
    Instant decidedAt,
    Map<String, Object> disposalReceipt) {

  static DiscoveredRecordingDto of(DiscoveredRecording d) {
    return new DiscoveredRecordingDto(
        d.id,
        d.batchId,
        d.platform,
        d.externalId,
        d.channelId,
        d.address,
        d.recordedAt,
        d.durationSeconds,
        d.callerHmac,
        d.foundAt,
        d.status,
        d.matchedRecordingId,
        d.contentState,
        d.contentHash,
        d.decision,
        d.decisionRef,
        d.holdId,
        d.rationale,
        d.decidedBy,
        d.decidedAt,
        d.disposalReceipt);
  }
}
