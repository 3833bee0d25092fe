package se.insyn.recording.gate.policy.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.insyn.problem.Problem.Violation;
import se.insyn.recording.gate.channel.repository.Channel;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersion.ConsentParties;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Mode;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Purpose;

/** What a policy version must satisfy before it may be approved. Pure logic, no I/O. */
public final class PolicyRules {

  public static final String PRESERVE = "PRESERVE";

  /** The DPIA screening criteria (R68). */
  public enum Criterion {
    SYSTEMATIC_MONITORING,
    SENSITIVE_LINES,
    VULNERABLE_SUBJECTS,
    LARGE_SCALE,
    NEW_TECHNOLOGY
  }

  /** The outcome of checking one version. */
  public record Outcome(
      List<Violation> violations, List<Channel> protectedChannels, Screening screening) {}

  /** The DPIA screening result: which criteria are met, and whether a DPIA is required. */
  public record Screening(List<Criterion> criteriaMet, boolean dpiaRequired, boolean complete) {}

  private PolicyRules() {}

  /**
   * Checks a version against R4-R7, R10, R38, R45, R68, R71 and R72.
   *
   * @param channels the channels the version names that exist (unknown ones are reported)
   */
  public static Outcome check(PolicyVersion v, Map<UUID, Channel> channels, LocalDate today) {
    List<Violation> out = new ArrayList<>();
    require(out, v.controller, "controller");
    if (v.purpose == null) {
      out.add(new Violation("purpose", "a purpose from the controlled list is required (R4)"));
    }
    checkLegalBasis(v, out);
    List<Channel> protectedChannels = checkScope(v, channels, out);
    checkConsent(v, out);
    require(out, v.ropaId, "ropaId");
    Screening screening = screen(v, channels);
    checkDpia(v, screening, out);
    checkDisposal(v, out);
    require(out, v.noticeVersion, "notice.version");
    if (v.announcement == null || isBlank(v.announcement.get("sv"))) {
      out.add(
          new Violation("notice.announcement", "a Swedish (sv) announcement is required (R25)"));
    }
    checkEmployees(v, out);
    if (v.reviewDate == null) {
      out.add(new Violation("reviewDate", "a review date is required (R71)"));
    } else if (v.reviewDate.isBefore(today)) {
      out.add(new Violation("reviewDate", "must not be in the past (R71)"));
    } else if (v.reviewDate.isAfter(today.plusMonths(12))) {
      out.add(new Violation("reviewDate", "must be at most 12 months ahead (R71)"));
    }
    return new Outcome(List.copyOf(out), protectedChannels, screening);
  }

  /** DPIA screening computed from the criteria (R68): two or more met means a DPIA is required. */
  public static Screening screen(PolicyVersion v, Map<UUID, Channel> channels) {
    List<Criterion> met = new ArrayList<>();
    if (v.mode == Mode.ALWAYS) {
      met.add(Criterion.SYSTEMATIC_MONITORING);
    }
    if (channels.values().stream().anyMatch(c -> c.secrecyClass != null)) {
      met.add(Criterion.SENSITIVE_LINES);
    }
    if (Boolean.TRUE.equals(v.vulnerableSubjects)) {
      met.add(Criterion.VULNERABLE_SUBJECTS);
    }
    if (Boolean.TRUE.equals(v.largeScale)) {
      met.add(Criterion.LARGE_SCALE);
    }
    if (Boolean.TRUE.equals(v.newTechnology)) {
      met.add(Criterion.NEW_TECHNOLOGY);
    }
    boolean complete =
        v.vulnerableSubjects != null && v.largeScale != null && v.newTechnology != null;
    return new Screening(List.copyOf(met), met.size() >= 2, complete);
  }

  /** The end of the disposal period for a recording made at {@code now}; empty when preserved. */
  public static Optional<OffsetDateTime> deleteAfter(String retention, OffsetDateTime now) {
    if (PRESERVE.equals(retention)) {
      return Optional.empty();
    }
    if (retention.startsWith("PT")) {
      return Optional.of(now.plus(Duration.parse(retention)));
    }
    return Optional.of(now.withOffsetSameInstant(ZoneOffset.UTC).plus(Period.parse(retention)));
  }

  /**
   * The longest finite retention: anything kept longer is kept for good and must say so with
   * PRESERVE (R43), and a longer period would overflow the disposal date.
   */
  public static final int MAX_RETENTION_YEARS = 100;

  /**
   * Whether a retention is PRESERVE or a positive ISO-8601 period or duration of at most {@link
   * #MAX_RETENTION_YEARS} years (R43).
   */
  public static boolean validRetention(String retention) {
    if (PRESERVE.equals(retention)) {
      return true;
    }
    // Measured from a fixed day, so that the bound is the same whatever the day it is applied.
    LocalDateTime from = LocalDateTime.of(2000, 1, 1, 0, 0);
    LocalDateTime longest = from.plusYears(MAX_RETENTION_YEARS);
    try {
      if (retention.startsWith("PT")) {
        Duration d = Duration.parse(retention);
        return !d.isNegative() && !d.isZero() && !from.plus(d).isAfter(longest);
      }
      Period p = Period.parse(retention);
      return !p.isNegative() && !p.isZero() && !from.plus(p).isAfter(longest);
    } catch (DateTimeException | ArithmeticException e) {
      return false;
    }
  }

  private static void checkLegalBasis(PolicyVersion v, List<Violation> out) {
    if (v.legalBasis == null) {
      out.add(new Violation("legalBasis", "a legal basis is required (R4)"));
      return;
    }
    switch (v.legalBasis) {
      case PUBLIC_TASK, LEGAL_OBLIGATION -> require(out, v.legalReference, "legalReference");
      case LEGITIMATE_INTEREST ->
          out.add(
              new Violation(
                  "legalBasis",
                  "a public authority may not cite legitimate interest for its tasks (R5)"));
      case CONSENT -> {
        if (!Boolean.FALSE.equals(v.employeesAffected)
            && (isBlank(v.exceptionalConsentJustification)
                || isBlank(v.noDetrimentAlternative)
                || isBlank(v.dpoSignOff))) {
          out.add(
              new Violation(
                  "legalBasis",
                  "employee consent is no basis unless an exceptional-consent justification, a"
                      + " no-detriment alternative and the DPO's sign-off are recorded (R6)"));
        }
      }
      default ->
          out.add(
              new Violation(
                  "legalBasis", "must be PUBLIC_TASK or LEGAL_OBLIGATION (Art 6(1)(c)/(e)) (R4)"));
    }
  }

  private static List<Channel> checkScope(
      PolicyVersion v, Map<UUID, Channel> channels, List<Violation> out) {
    List<Channel> protectedChannels = new ArrayList<>();
    if (v.channelIds.isEmpty()) {
      out.add(new Violation("scope.channelIds", "at least one channel is required (R4)"));
    }
    for (UUID id : v.channelIds) {
      Channel c = channels.get(id);
      if (c == null) {
        out.add(new Violation("scope.channelIds", "unknown channel " + id + " (R4)"));
      } else if (c.protectedClass != null) {
        protectedChannels.add(c);
        out.add(
            new Violation(
                "scope.channelIds",
                "channel "
                    + id
                    + " is a protected line ("
                    + c.protectedClass
                    + ") and can never be in scope (R38)"));
      }
    }
    if (channels.values().stream().map(c -> c.kind).distinct().count() > 1) {
      out.add(
          new Violation(
              "scope.channelIds", "channels of different kinds need separate policies (R28)"));
    }
    if (v.direction == null) {
      out.add(new Violation("scope.direction", "a direction is required (R4)"));
    }
    if (v.weekdays().isEmpty()) {
      out.add(new Violation("scope.weekdays", "at least one weekday is required (R4)"));
    }
    if (v.hoursFrom == null || v.hoursTo == null) {
      out.add(new Violation("scope.hoursFrom", "recording hours are required (R4)"));
    } else if (!v.hoursTo.equals(LocalTime.MIDNIGHT) && !v.hoursFrom.isBefore(v.hoursTo)) {
      out.add(new Violation("scope.hoursTo", "must be after hoursFrom (R4)"));
    }
    if (v.mode == null) {
      out.add(new Violation("scope.mode", "ON_DEMAND or ALWAYS is required (R4)"));
    }
    return protectedChannels;
  }

  private static void checkConsent(PolicyVersion v, List<Violation> out) {
    ConsentParties parties = v.consentParties;
    if (v.purpose == Purpose.QUALITY_TRAINING && !parties.caller()) {
      out.add(
          new Violation(
              "consent.parties", "QUALITY_TRAINING needs the caller's explicit consent (R10)"));
    }
    if (parties != ConsentParties.NONE) {
      require(out, v.consentPurpose, "consent.purposeCode");
    }
  }

  private static void checkDpia(PolicyVersion v, Screening screening, List<Violation> out) {
    if (screening.dpiaRequired() && isBlank(v.dpiaReference)) {
      out.add(
          new Violation(
              "dpia.reference",
              "a DPIA is required: screening criteria met " + screening.criteriaMet() + " (R68)"));
    } else if (isBlank(v.dpiaReference) && !screening.complete()) {
      out.add(
          new Violation(
              "dpia", "a DPIA reference or a complete screening (all criteria answered) (R4)"));
    }
    if (v.mode == Mode.ALWAYS && (isBlank(v.dpiaReference) || isBlank(v.dpiaAlwaysReason))) {
      out.add(
          new Violation(
              "dpia.alwaysReason",
              "ALWAYS mode needs a DPIA stating why on-demand recording or notes do not suffice"
                  + " (R7)"));
    }
  }

  private static void checkDisposal(PolicyVersion v, List<Violation> out) {
    require(out, v.disposalBody, "disposal.body");
    require(out, v.disposalRegistryNumber, "disposal.registryNumber");
    if (v.disposalDate == null) {
      out.add(new Violation("disposal.date", "the disposal decision's date is required (R45)"));
    }
    require(out, v.disposalDocumentType, "disposal.documentType");
    if (isBlank(v.retention)) {
      out.add(
          new Violation(
              "disposal.retention", "a finite period or an explicit PRESERVE is required (R43)"));
    }
  }

  private static void checkEmployees(PolicyVersion v, List<Violation> out) {
    if (v.employeesAffected == null) {
      out.add(new Violation("employees.affected", "state whether employees are affected (R72)"));
    } else if (v.employeesAffected) {
      require(out, v.mblReference, "employees.mblReference");
      require(out, v.safetyRepView, "employees.safetyRepView");
    }
  }

  private static void require(List<Violation> out, String value, String field) {
    if (isBlank(value)) {
      out.add(new Violation(field, "is required (R4)"));
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
