package se.insyn.recording.vault.discovery.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.insyn.recording.vault.discovery.repository.DiscoveredRecording;
import se.insyn.recording.vault.discovery.service.DiscoveryService;

/**
 * What a registration did: each recording matched or quarantined, and, when any was quarantined,
 * the incident's notification deadline (R64).
 */
public record DiscoveryBatchDto(
    UUID batchId,
    String platform,
    Instant foundAt,
    int quarantined,
    Instant notificationDeadline,
    List<Item> recordings) {

  public record Item(
      UUID id, String externalId, DiscoveredRecording.Status status, UUID matchedRecordingId) {}

  static DiscoveryBatchDto of(DiscoveryService.Registered r) {
    return new DiscoveryBatchDto(
        r.batch().id,
        r.batch().platform,
        r.batch().foundAt,
        r.batch().quarantined,
        r.batch().quarantined > 0 ? DiscoveryService.deadline(r.batch().foundAt) : null,
        r.recordings().stream()
            .map(d -> new Item(d.id, d.externalId, d.status, d.matchedRecordingId))
            .toList());
  }
}
