package se.insyn.recording.gate.decision.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.gate.killswitch.repository.KillSwitchRepository;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.service.TransferScope;

/**
 * A transfer stays in scope only if the target channel is covered by the recording's own, still
 * active policy version and is neither protected nor killed (R27).
 */
@ApplicationScoped
class GateTransferScope implements TransferScope {

  private final PolicyVersionRepository policies;
  private final ChannelRepository channels;
  private final KillSwitchRepository killSwitch;
  private final RecordingConfig config;

  GateTransferScope(
      PolicyVersionRepository policies,
      ChannelRepository channels,
      KillSwitchRepository killSwitch,
      RecordingConfig config) {
    this.policies = policies;
    this.channels = channels;
    this.killSwitch = killSwitch;
    this.config = config;
  }

  @Override
  public boolean covers(Recording recording, UUID target) {
    LocalDate today = LocalDate.now(Clock.system(config.scopeZone()));
    return policies
            .findByIdOptional(recording.policyVersionId)
            .filter(v -> v.effectiveStatus(today) == PolicyVersion.Status.ACTIVE)
            .filter(v -> v.channelIds.contains(target))
            .isPresent()
        && channels
            .findByIdOptional(target)
            // A line served by another platform is out of this one's reach (issue 21).
            .map(c -> c.protectedClass == null && Objects.equals(c.platform, recording.platform))
            .orElse(false)
        && !killSwitch.engagedFor(target);
  }

  @Override
  public boolean knows(UUID channelId) {
    return channels.findByIdOptional(channelId).isPresent();
  }
}
