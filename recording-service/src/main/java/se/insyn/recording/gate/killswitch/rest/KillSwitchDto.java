package se.insyn.recording.gate.killswitch.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import se.insyn.recording.gate.killswitch.repository.KillSwitch;

/** One engagement of the kill switch. */
public record KillSwitchDto(
    UUID id,
    boolean allChannels,
    Set<UUID> channelIds,
    String reason,
    String engagedBy,
    Instant engagedAt,
    String releasedBy,
    Instant releasedAt,
    String releaseReason) {

  static KillSwitchDto of(KillSwitch k) {
    return new KillSwitchDto(
        k.id,
        k.allChannels,
        Set.copyOf(k.channelIds),
        k.reason,
        k.engagedBy,
        k.engagedAt,
        k.releasedBy,
        k.releasedAt,
        k.releaseReason);
  }
}
