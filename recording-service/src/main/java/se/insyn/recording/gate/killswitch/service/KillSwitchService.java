package se.insyn.recording.gate.killswitch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.gate.killswitch.repository.KillSwitch;
import se.insyn.recording.gate.killswitch.repository.KillSwitchRepository;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.recording.service.RecordingStopper;

/** The kill switch (R29): stops everything at once; re-enabling needs a second person. */
@ApplicationScoped
public class KillSwitchService {

  private final KillSwitchRepository switches;
  private final ChannelRepository channels;
  private final RecordingRepository recordings;
  private final RecordingStopper stopper;
  private final AuditOutbox audit;

  KillSwitchService(
      KillSwitchRepository switches,
      ChannelRepository channels,
      RecordingRepository recordings,
      RecordingStopper stopper,
      AuditOutbox audit) {
    this.switches = switches;
    this.channels = channels;
    this.recordings = recordings;
    this.stopper = stopper;
    this.audit = audit;
  }

  public List<KillSwitch> engaged() {
    return switches.listEngaged();
  }

  public List<KillSwitch> history() {
    return switches.listHistory();
  }

  /**
   * Engages and stops what is in progress on the covered channels, in one transaction. A mistyped
   * channel id would otherwise engage nothing on the line meant, so every listed id must exist.
   */
  @Transactional
  public KillSwitch engage(@Valid @NotNull Engagement request, @NotBlank String actor) {
    requireKnownChannels(request.channelIds() == null ? List.of() : request.channelIds());
    KillSwitch k = new KillSwitch();
    k.id = UUID.randomUUID();
    k.allChannels = request.channelIds() == null || request.channelIds().isEmpty();
    if (!k.allChannels) {
      k.channelIds.addAll(request.channelIds());
    }
    k.reason = request.reason();
    k.engagedBy = actor;
    k.engagedAt = Instant.now();
    switches.persist(k);
    List<Recording> running =
        k.allChannels ? recordings.listInProgress() : recordings.listInProgressOn(k.channelIds);
    running.forEach(r -> stopper.stop(r, Recording.StopReason.KILL_SWITCH));
    audit.record(
        EventType.KILLSWITCH_ENGAGED,
        "killswitch/" + k.id,
        null,
        null,
        Map.of(
            "allChannels",
            k.allChannels,
            "channelIds",
            k.channelIds.stream().map(UUID::toString).toList(),
            "reason",
            k.reason,
            "recordingsStopped",
            running.size()));
    return k;
  }

  private void requireKnownChannels(List<UUID> ids) {
    Set<UUID> known =
        channels.listByIds(Set.copyOf(ids)).stream().map(c -> c.id).collect(Collectors.toSet());
    List<Problem.Violation> unknown =
        IntStream.range(0, ids.size())
            .filter(i -> !known.contains(ids.get(i)))
            .mapToObj(
                i -> new Problem.Violation("channelIds[" + i + "]", "no channel " + ids.get(i)))
            .toList();
    if (!unknown.isEmpty()) {
      throw ProblemException.unprocessable(
          "Unknown channels",
          unknown.size() + " channel id(s) name no channel; nothing was engaged",
          unknown);
    }
  }

  @Transactional
  public KillSwitch release(
      @NotNull UUID id, @Valid @NotNull Release request, @NotBlank String actor) {
    KillSwitch k =
        switches
            .findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("No kill switch engagement " + id));
    if (k.releasedAt != null) {
      throw ProblemException.conflict("Already released");
    }
    if (actor.equals(k.engagedBy)) {
      throw ProblemException.forbidden(
          "Releasing the kill switch needs a second person, not the one who engaged it");
    }
    k.releasedBy = actor;
    k.releasedAt = Instant.now();
    k.releaseReason = request.reason();
    audit.record(
        EventType.KILLSWITCH_RELEASED,
        "killswitch/" + k.id,
        null,
        null,
        Map.of("reason", k.releaseReason, "engagedBy", k.engagedBy));
    return k;
  }
}
