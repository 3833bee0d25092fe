package se.insyn.recording.vault.hold.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.insyn.recording.vault.hold.repository.LegalHold;
import se.insyn.recording.vault.hold.service.HoldView;

/** A legal hold; {@code covered} and {@code alreadyDisposed} only in the answer to placing it. */
public record LegalHoldDto(
    UUID id,
    String caseRef,
    LegalHold.Reason reason,
    List<UUID> recordingIds,
    UUID channelId,
    Instant from,
    Instant to,
    String placedBy,
    Instant placedAt,
    String releasedBy,
    Instant releasedAt,
    String releaseReason,
    List<UUID> covered,
    List<UUID> alreadyDisposed) {

  static LegalHoldDto of(LegalHold h) {
    return of(h, null, null);
  }

  static LegalHoldDto of(HoldView v) {
    return of(v.hold(), v.covered(), v.alreadyDisposed());
  }

  private static LegalHoldDto of(LegalHold h, List<UUID> covered, List<UUID> disposed) {
    return new LegalHoldDto(
        h.id,
        h.caseRef,
        h.reason,
        List.copyOf(h.recordingIds),
        h.channelId,
        h.windowFrom,
        h.windowTo,
        h.placedBy,
        h.placedAt,
        h.releasedBy,
        h.releasedAt,
        h.releaseReason,
        covered,
        disposed);
  }
}
