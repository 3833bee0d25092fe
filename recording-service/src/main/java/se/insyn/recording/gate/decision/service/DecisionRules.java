package se.insyn.recording.gate.decision.service;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.insyn.recording.gate.decision.service.Decision.Reason;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.recording.repository.Recording;

/**
 * The gate's rules for "may I record?", before the consent-service is asked: pure logic over what
 * {@link DecisionGate} looked up, no I/O. Every reason that applies is returned, not only the
 * first, so the audit trail shows all of them.
 */
public final class DecisionRules {

  /** What the gate knows about the requested channel. */
  public record ChannelFacts(boolean known, boolean protectedLine) {

    /** A channel id no channel has. */
    public static final ChannelFacts UNKNOWN = new ChannelFacts(false, false);
  }

  /** The in-scope version to ask consent for, or the reasons to deny (then no version). */
  public record Outcome(Optional<PolicyVersion> chosen, List<Reason> reasons) {}

  private DecisionRules() {}

  /**
   * @param activeVersions the versions in status ACTIVE of the policies naming the channel, in the
   *     order the first in scope should win
   * @param zone the zone the policies' weekdays and hours are meant in
   */
  public static Outcome evaluate(
      ChannelFacts channel,
      boolean killSwitchEngaged,
      List<PolicyVersion> activeVersions,
      RecordingRequest request,
      Instant now,
      ZoneId zone) {
    List<Reason> reasons = new ArrayList<>();
    if (protectedLine(channel)) {
      reasons.add(Reason.PROTECTED_LINE);
    }
    if (killSwitchEngaged) {
      reasons.add(Reason.KILL_SWITCH);
    }
    ZonedDateTime local = now.atZone(zone);
    List<PolicyVersion> effective =
        channel.known()
            ? activeVersions.stream().filter(v -> effectivelyActive(v, local)).toList()
            : List.of();
    Optional<PolicyVersion> inScope =
        effective.stream().filter(v -> inScope(v, request, local)).findFirst();
    if (effective.isEmpty()) {
      reasons.add(Reason.NO_APPROVED_POLICY);
    } else if (inScope.isEmpty()) {
      reasons.add(Reason.OUTSIDE_SCOPE);
    }
    return reasons.isEmpty()
        ? new Outcome(inScope, List.of())
        : new Outcome(Optional.empty(), List.copyOf(reasons));
  }

  /** R38: a protected line is never recorded, whatever a policy says → PROTECTED_LINE. */
  private static boolean protectedLine(ChannelFacts channel) {
    return channel.known() && channel.protectedLine();
  }

  /**
   * R1, R71: only an active version whose review date has not passed counts; none left for a known
   * channel (or an unknown channel) → NO_APPROVED_POLICY.
   */
  private static boolean effectivelyActive(PolicyVersion v, ZonedDateTime local) {
    return v.effectiveStatus(local.toLocalDate()) == PolicyVersion.Status.ACTIVE;
  }

  /**
   * R4: the request must match the version's scope (direction, ALWAYS mode unless the officer asks
   * ON_DEMAND, weekday, hours from inclusive to exclusive with 00:00 as the end of the day) in the
   * configured zone; no effective version in scope → OUTSIDE_SCOPE.
   */
  private static boolean inScope(PolicyVersion v, RecordingRequest request, ZonedDateTime local) {
    boolean direction =
        v.direction == PolicyVersion.Direction.BOTH
            || v.direction.name().equals(request.direction().name());
    boolean trigger =
        v.mode == PolicyVersion.Mode.ALWAYS || request.trigger() == Recording.Trigger.ON_DEMAND;
    LocalTime time = local.toLocalTime();
    boolean hours =
        !time.isBefore(v.hoursFrom)
            && (v.hoursTo.equals(LocalTime.MIDNIGHT) || time.isBefore(v.hoursTo));
    return direction && trigger && hours && v.weekdays().contains(local.getDayOfWeek());
  }
}
