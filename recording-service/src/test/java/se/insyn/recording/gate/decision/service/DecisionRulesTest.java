package se.insyn.recording.gate.decision.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;
import static se.insyn.recording.gate.decision.service.Decision.Reason.KILL_SWITCH;
import static se.insyn.recording.gate.decision.service.Decision.Reason.NO_APPROVED_POLICY;
import static se.insyn.recording.gate.decision.service.Decision.Reason.OUTSIDE_SCOPE;
import static se.insyn.recording.gate.decision.service.Decision.Reason.PROTECTED_LINE;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.insyn.recording.gate.decision.service.DecisionRules.ChannelFacts;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Direction;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Mode;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Status;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.Recording.Trigger;

/**
 * The gate's rules as a table: each row is one situation, the reasons it must give and the version
 * it must choose. Times are local to the scope zone unless a row says otherwise.
 */
class DecisionRulesTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  /** A Monday in winter (UTC+1). */
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  private static final ChannelFacts LINE = new ChannelFacts(true, false);
  private static final ChannelFacts PROTECTED = new ChannelFacts(true, true);

  /** One situation; {@code chosen} is the index of the version to choose, or null for none. */
  record Row(
      ChannelFacts channel,
      boolean killSwitch,
      List<PolicyVersion> versions,
      RecordingRequest request,
      Instant now,
      List<Decision.Reason> reasons,
      Integer chosen) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(Row row) {
    DecisionRules.Outcome outcome =
        DecisionRules.evaluate(
            row.channel(), row.killSwitch(), row.versions(), row.request(), row.now(), ZONE);
    assertEquals(row.reasons(), outcome.reasons());
    if (row.chosen() == null) {
      assertTrue(outcome.chosen().isEmpty(), () -> "chose " + outcome.chosen());
    } else {
      assertSame(row.versions().get(row.chosen()), outcome.chosen().orElseThrow());
    }
  }

  static Stream<Arguments> rows() {
    PolicyVersion onDemand = version(v -> v.mode = Mode.ON_DEMAND);
    PolicyVersion inboundOnly = version(v -> v.direction = Direction.INBOUND);
    PolicyVersion outboundOnly = version(v -> v.direction = Direction.OUTBOUND);
    PolicyVersion evening = version(v -> hours(v, "20:00", "00:00"));
    PolicyVersion first = version(v -> {});
    PolicyVersion second = version(v -> {});
    return Stream.of(
        row("R1 an in-scope active version permits", permit(version(v -> {}))),
        row(
            "R1 no active version denies",
            new Row(LINE, false, List.of(), call(), at(10, 0), List.of(NO_APPROVED_POLICY), null)),
        row(
            "R1 an unknown channel has no policy, whatever versions are passed",
            new Row(
                ChannelFacts.UNKNOWN,
                false,
                List.of(version(v -> {})),
                call(),
                at(10, 0),
                List.of(NO_APPROVED_POLICY),
                null)),
        row(
            "R1 a version not ACTIVE does not count",
            noPolicy(version(v -> v.status = Status.SUSPENDED))),
        row(
            "R71 a review date that has passed suspends",
            noPolicy(version(v -> v.reviewDate = MONDAY.minusDays(1)))),
        row("R71 a review date of today still counts", permit(version(v -> v.reviewDate = MONDAY))),
        row("R71 no review date suspends", noPolicy(version(v -> v.reviewDate = null))),
        row(
            "R38 a protected line with a permitting policy is denied",
            new Row(
                PROTECTED,
                false,
                List.of(version(v -> {})),
                call(),
                at(10, 0),
                List.of(PROTECTED_LINE),
                null)),
        row(
            "R29 the kill switch denies despite a permitting policy",
            new Row(
                LINE,
                true,
                List.of(version(v -> {})),
                call(),
                at(10, 0),
                List.of(KILL_SWITCH),
                null)),
        row(
            "R38 R29 R1 several reasons at once, all given",
            new Row(
                PROTECTED,
                true,
                List.of(),
                call(),
                at(10, 0),
                List.of(PROTECTED_LINE, KILL_SWITCH, NO_APPROVED_POLICY),
                null)),
        row(
            "R38 R29 R4 several reasons at once, with one outside scope",
            new Row(
                PROTECTED,
                true,
                List.of(version(v -> {})),
                call(),
                at(7, 0),
                List.of(PROTECTED_LINE, KILL_SWITCH, OUTSIDE_SCOPE),
                null)),
        row("R4 direction BOTH covers an inbound call", permit(version(v -> {}))),
        row("R4 direction INBOUND covers an inbound call", permit(inboundOnly)),
        row(
            "R4 direction INBOUND does not cover an outbound call",
            outside(
                inboundOnly, request(Recording.Direction.OUTBOUND, Trigger.CALL_START), at(10, 0))),
        row(
            "R4 direction OUTBOUND covers an outbound call",
            new Row(
                LINE,
                false,
                List.of(outboundOnly),
                request(Recording.Direction.OUTBOUND, Trigger.CALL_START),
                at(10, 0),
                List.of(),
                0)),
        row(
            "R4 mode ON_DEMAND does not record at call start",
            outside(onDemand, call(), at(10, 0))),
        row(
            "R4 mode ON_DEMAND records when the officer asks",
            new Row(
                LINE,
                false,
                List.of(onDemand),
                request(Recording.Direction.INBOUND, Trigger.ON_DEMAND),
                at(10, 0),
                List.of(),
                0)),
        row(
            "R4 mode ALWAYS also records when the officer asks",
            new Row(
                LINE,
                false,
                List.of(version(v -> {})),
                request(Recording.Direction.INBOUND, Trigger.ON_DEMAND),
                at(10, 0),
                List.of(),
                0)),
        row("R4 the exact start hour is in scope", permit(version(v -> {}), at(8, 0))),
        row(
            "R4 a minute before the start is outside",
            outside(version(v -> {}), call(), at(7, 59))),
        row("R4 a minute before the end is in scope", permit(version(v -> {}), at(16, 59))),
        row("R4 the end hour is excluded", outside(version(v -> {}), call(), at(17, 0))),
        row("R4 hoursTo 00:00 runs to the end of the day", permit(evening, at(23, 59))),
        row(
            "R4 hoursTo 00:00 does not reach past midnight",
            outside(evening, call(), MONDAY.plusDays(1).atTime(0, 0).atZone(ZONE).toInstant())),
        row(
            "R4 a weekday outside the version's",
            outside(
                version(v -> {}),
                call(),
                MONDAY.plusDays(5).atTime(10, 0).atZone(ZONE).toInstant())),
        row(
            "R4 hours are read in the scope zone (07:30 UTC is 08:30 there)",
            permit(version(v -> {}), Instant.parse("2026-11-23T07:30:00Z"))),
        row(
            "R4 hours are read in the scope zone (16:30 UTC is 17:30 there)",
            outside(version(v -> {}), call(), Instant.parse("2026-11-23T16:30:00Z"))),
        row(
            "R4 the first in-scope version is chosen among several",
            new Row(
                LINE, false, List.of(onDemand, first, second), call(), at(10, 0), List.of(), 1)),
        row(
            "R71 a suspended version is passed over for an active one in scope",
            new Row(
                LINE,
                false,
                List.of(version(v -> v.reviewDate = MONDAY.minusDays(1)), first),
                call(),
                at(10, 0),
                List.of(),
                1)));
  }

  private static Arguments row(String name, Row row) {
    return Arguments.of(named(name, row));
  }

  private static Row permit(PolicyVersion v) {
    return permit(v, at(10, 0));
  }

  private static Row permit(PolicyVersion v, Instant now) {
    return new Row(LINE, false, List.of(v), call(), now, List.of(), 0);
  }

  private static Row noPolicy(PolicyVersion v) {
    return new Row(LINE, false, List.of(v), call(), at(10, 0), List.of(NO_APPROVED_POLICY), null);
  }

  private static Row outside(PolicyVersion v, RecordingRequest request, Instant now) {
    return new Row(LINE, false, List.of(v), request, now, List.of(OUTSIDE_SCOPE), null);
  }

  /** An active version in scope for inbound calls at call start, Monday to Friday 08-17. */
  private static PolicyVersion version(Consumer<PolicyVersion> change) {
    PolicyVersion v = new PolicyVersion();
    v.id = UUID.randomUUID();
    v.status = Status.ACTIVE;
    v.reviewDate = MONDAY.plusMonths(6);
    v.direction = Direction.BOTH;
    v.mode = Mode.ALWAYS;
    v.weekdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    hours(v, "08:00", "17:00");
    change.accept(v);
    return v;
  }

  private static void hours(PolicyVersion v, String from, String to) {
    v.hoursFrom = LocalTime.parse(from);
    v.hoursTo = LocalTime.parse(to);
  }

  private static RecordingRequest call() {
    return request(Recording.Direction.INBOUND, Trigger.CALL_START);
  }

  private static RecordingRequest request(Recording.Direction direction, Trigger trigger) {
    return new RecordingRequest(UUID.randomUUID(), "call-1", direction, trigger, null);
  }

  /** Monday at the given local time in the scope zone. */
  private static Instant at(int hour, int minute) {
    return LocalDateTime.of(MONDAY, LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
  }
}
