package se.insyn.recording.gate.policy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.insyn.problem.Problem.Violation;
import se.insyn.recording.gate.channel.repository.Channel;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersion.ConsentParties;
import se.insyn.recording.gate.policy.repository.PolicyVersion.LegalBasis;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Mode;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Purpose;

/**
 * The approval checklist as a table: each row starts from a fully valid version and breaks exactly
 * one rule, and the check must name that rule's field and cite its requirement id.
 */
class PolicyRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  /** A version and the channels it names, as the service hands them to the check. */
  record Fixture(PolicyVersion version, Map<UUID, Channel> channels) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void eachRuleIsReportedWithItsField(
      BiConsumer<PolicyVersion, Map<UUID, Channel>> breakRule, String field, String requirement) {
    Fixture f = valid();
    breakRule.accept(f.version(), f.channels());
    List<Violation> violations = PolicyRules.check(f.version(), f.channels(), TODAY).violations();
    assertEquals(List.of(field), violations.stream().map(Violation::field).toList());
    String message = violations.get(0).message();
    assertTrue(message.contains("(" + requirement + ")"), message);
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        broken("no controller", (v, c) -> v.controller = " ", "controller", "R4"),
        broken("no purpose", (v, c) -> v.purpose = null, "purpose", "R4"),
        broken("no legal basis", (v, c) -> v.legalBasis = null, "legalBasis", "R4"),
        broken(
            "public task without its legal reference",
            (v, c) -> v.legalReference = null,
            "legalReference",
            "R4"),
        broken(
            "legal obligation without its legal reference",
            (v, c) -> {
              v.legalBasis = LegalBasis.LEGAL_OBLIGATION;
              v.legalReference = "";
            },
            "legalReference",
            "R4"),
        broken(
            "legitimate interest",
            (v, c) -> v.legalBasis = LegalBasis.LEGITIMATE_INTEREST,
            "legalBasis",
            "R5"),
        broken(
            "employee consent without the exceptional-consent record",
            (v, c) -> {
              v.legalBasis = LegalBasis.CONSENT;
              affectEmployees(v);
              v.exceptionalConsentJustification = "Staff asked for it";
              v.noDetrimentAlternative = "Notes instead";
            },
            "legalBasis",
            "R6"),
        broken(
            "a basis other than Art 6(1)(c)/(e)",
            (v, c) -> v.legalBasis = LegalBasis.CONTRACT,
            "legalBasis",
            "R4"),
        broken(
            "no channel",
            (v, c) -> {
              v.channelIds.clear();
              c.clear();
            },
            "scope.channelIds",
            "R4"),
        broken(
            "an unknown channel",
            (v, c) -> v.channelIds.add(UUID.randomUUID()),
            "scope.channelIds",
            "R4"),
        broken(
            "a protected line",
            (v, c) ->
                c.values().forEach(ch -> ch.protectedClass = Channel.ProtectedClass.SAFETY_REP),
            "scope.channelIds",
            "R38"),
        broken(
            "channels of different kinds",
            (v, c) -> name(v, c, channel(Channel.Kind.VOICEMAIL)),
            "scope.channelIds",
            "R28"),
        broken("no direction", (v, c) -> v.direction = null, "scope.direction", "R4"),
        broken(
            "no weekday",
            (v, c) -> v.weekdays(EnumSet.noneOf(DayOfWeek.class)),
            "scope.weekdays",
            "R4"),
        broken("no start hour", (v, c) -> v.hoursFrom = null, "scope.hoursFrom", "R4"),
        broken("no end hour", (v, c) -> v.hoursTo = null, "scope.hoursFrom", "R4"),
        broken(
            "hours ending when they start",
            (v, c) -> v.hoursTo = v.hoursFrom,
            "scope.hoursTo",
            "R4"),
        broken("no mode", (v, c) -> v.mode = null, "scope.mode", "R4"),
        broken(
            "quality training without the caller's consent",
            (v, c) -> {
              v.purpose = Purpose.QUALITY_TRAINING;
              v.consentParties = ConsentParties.EMPLOYEE;
              v.consentPurpose = "quality-training";
            },
            "consent.parties",
            "R10"),
        broken(
            "consent parties without a consent purpose",
            (v, c) -> {
              v.consentParties = ConsentParties.CALLER;
              v.consentPurpose = null;
            },
            "consent.purposeCode",
            "R4"),
        broken("no ROPA id", (v, c) -> v.ropaId = null, "ropaId", "R4"),
        broken(
            "two screening criteria met and no DPIA",
            (v, c) -> {
              v.vulnerableSubjects = true;
              v.largeScale = true;
            },
            "dpia.reference",
            "R68"),
        broken(
            "an incomplete screening and no DPIA", (v, c) -> v.newTechnology = null, "dpia", "R4"),
        broken(
            "ALWAYS mode without the reason on-demand does not suffice",
            (v, c) -> {
              v.mode = Mode.ALWAYS;
              v.dpiaReference = "DPIA-2026-14";
            },
            "dpia.alwaysReason",
            "R7"),
        broken("no disposal body", (v, c) -> v.disposalBody = null, "disposal.body", "R4"),
        broken(
            "no disposal registry number",
            (v, c) -> v.disposalRegistryNumber = null,
            "disposal.registryNumber",
            "R4"),
        broken("no disposal date", (v, c) -> v.disposalDate = null, "disposal.date", "R45"),
        broken(
            "no disposal document type",
            (v, c) -> v.disposalDocumentType = null,
            "disposal.documentType",
            "R4"),
        broken("no retention", (v, c) -> v.retention = "", "disposal.retention", "R43"),
        broken("no notice version", (v, c) -> v.noticeVersion = null, "notice.version", "R4"),
        broken(
            "no Swedish announcement",
            (v, c) -> v.announcement = Map.of("en", "This call is recorded."),
            "notice.announcement",
            "R25"),
        broken(
            "not stated whether employees are affected",
            (v, c) -> v.employeesAffected = null,
            "employees.affected",
            "R72"),
        broken(
            "employees affected without the MBL record",
            (v, c) -> {
              affectEmployees(v);
              v.mblReference = null;
            },
            "employees.mblReference",
            "R4"),
        broken(
            "employees affected without the safety rep's view",
            (v, c) -> {
              affectEmployees(v);
              v.safetyRepView = null;
            },
            "employees.safetyRepView",
            "R4"),
        broken("no review date", (v, c) -> v.reviewDate = null, "reviewDate", "R71"),
        broken(
            "a review date in the past",
            (v, c) -> v.reviewDate = TODAY.minusDays(1),
            "reviewDate",
            "R71"),
        broken(
            "a review date more than 12 months ahead",
            (v, c) -> v.reviewDate = TODAY.plusMonths(12).plusDays(1),
            "reviewDate",
            "R71"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVariants")
  void aValidVersionHasNoViolations(BiConsumer<PolicyVersion, Map<UUID, Channel>> change) {
    Fixture f = valid();
    change.accept(f.version(), f.channels());
    PolicyRules.Outcome outcome = PolicyRules.check(f.version(), f.channels(), TODAY);
    assertEquals(List.of(), outcome.violations());
    assertEquals(List.of(), outcome.protectedChannels());
  }

  static Stream<Arguments> validVariants() {
    return Stream.of(
        valid("the valid version as it is", (v, c) -> {}),
        valid("R71 a review date of today", (v, c) -> v.reviewDate = TODAY),
        valid(
            "R71 a review date exactly 12 months ahead",
            (v, c) -> v.reviewDate = TODAY.plusMonths(12)),
        valid("R4 hours to 00:00, the end of the day", (v, c) -> v.hoursTo = LocalTime.MIDNIGHT),
        valid(
            "R4 a legal obligation with its reference",
            (v, c) -> v.legalBasis = LegalBasis.LEGAL_OBLIGATION),
        valid(
            "R6 consent when no employee is affected", (v, c) -> v.legalBasis = LegalBasis.CONSENT),
        valid(
            "R6 employee consent with the exceptional-consent record",
            (v, c) -> {
              v.legalBasis = LegalBasis.CONSENT;
              affectEmployees(v);
              v.exceptionalConsentJustification = "Staff asked for it";
              v.noDetrimentAlternative = "Notes instead";
              v.dpoSignOff = "DPO 2026-11-20";
            }),
        valid(
            "R10 quality training with the caller's consent",
            (v, c) -> {
              v.purpose = Purpose.QUALITY_TRAINING;
              v.consentParties = ConsentParties.CALLER;
              v.consentPurpose = "quality-training";
            }),
        valid(
            "R68 two criteria met with a DPIA",
            (v, c) -> {
              v.vulnerableSubjects = true;
              v.largeScale = true;
              v.dpiaReference = "DPIA-2026-14";
            }),
        valid(
            "R7 ALWAYS mode with a DPIA stating why",
            (v, c) -> {
              v.mode = Mode.ALWAYS;
              v.dpiaReference = "DPIA-2026-14";
              v.dpiaAlwaysReason = "Threats arrive without warning";
            }),
        valid(
            "R28 several channels of one kind",
            (v, c) -> name(v, c, channel(Channel.Kind.PHONE_LINE))),
        valid("R43 an explicit PRESERVE", (v, c) -> v.retention = PolicyRules.PRESERVE));
  }

  @Test
  void aProtectedLineIsReportedForTheDpo() {
    Fixture f = valid();
    Channel line = f.channels().values().iterator().next();
    line.protectedClass = Channel.ProtectedClass.WHISTLEBLOWING;
    assertEquals(
        List.of(line), PolicyRules.check(f.version(), f.channels(), TODAY).protectedChannels());
  }

  @Test
  void anEmptyDraftMissesEveryChecklistItem() {
    List<String> fields =
        PolicyRules.check(new PolicyVersion(), Map.of(), TODAY).violations().stream()
            .map(Violation::field)
            .toList();
    assertTrue(
        fields.containsAll(
            List.of(
                "controller",
                "purpose",
                "legalBasis",
                "scope.channelIds",
                "scope.direction",
                "scope.weekdays",
                "scope.hoursFrom",
                "scope.mode",
                "ropaId",
                "dpia",
                "disposal.body",
                "disposal.retention",
                "notice.version",
                "notice.announcement",
                "employees.affected",
                "reviewDate")),
        fields.toString());
  }

  @Test
  void twoScreeningCriteriaRequireADpia() {
    PolicyVersion v = new PolicyVersion();
    v.vulnerableSubjects = true;
    v.largeScale = false;
    v.newTechnology = false;
    assertFalse(PolicyRules.screen(v, Map.of()).dpiaRequired());
    v.mode = PolicyVersion.Mode.ALWAYS;
    assertTrue(PolicyRules.screen(v, Map.of()).dpiaRequired());
  }

  @Test
  void aSecrecyLineIsAScreeningCriterion() {
    Fixture f = valid();
    f.channels().values().forEach(c -> c.secrecyClass = Channel.SecrecyClass.HEALTH_CARE);
    assertEquals(
        List.of(PolicyRules.Criterion.SENSITIVE_LINES),
        PolicyRules.screen(f.version(), f.channels()).criteriaMet());
  }

  @ParameterizedTest(name = "R43 {0} valid: {1}")
  @CsvSource({
    "P90D, true",
    "PT24H, true",
    "PRESERVE, true",
    "P0D, false",
    "PT0S, false",
    "P-1D, false",
    "P100Y, true",
    "P1200M, true",
    "P100Y1D, false",
    "P1201M, false",
    "PT876600H, true",
    "PT876601H, false",
    "P999999999Y, false",
    "forever, false"
  })
  void retentionIsFiniteOrAnExplicitPreserve(String retention, boolean valid) {
    assertEquals(valid, PolicyRules.validRetention(retention));
  }

  @ParameterizedTest(name = "R43 {0} after 2026-01-31T12:00Z is {1}")
  @CsvSource({
    "P1M, 2026-02-28T12:00Z",
    "P90D, 2026-05-01T12:00Z",
    "PT24H, 2026-02-01T12:00Z",
    "PRESERVE, "
  })
  void deleteAfterAddsTheRetention(String retention, OffsetDateTime expected) {
    OffsetDateTime now = OffsetDateTime.of(2026, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(Optional.ofNullable(expected), PolicyRules.deleteAfter(retention, now));
  }

  private static Arguments broken(
      String name,
      BiConsumer<PolicyVersion, Map<UUID, Channel>> breakRule,
      String field,
      String requirement) {
    return Arguments.of(named(requirement + " " + name, breakRule), field, requirement);
  }

  private static Arguments valid(
      String name, BiConsumer<PolicyVersion, Map<UUID, Channel>> change) {
    return Arguments.of(named(name, change));
  }

  /** A version that passes every rule, on one ordinary phone line. */
  private static Fixture valid() {
    PolicyVersion v = new PolicyVersion();
    v.controller = "Region Norrby";
    v.purpose = Purpose.CASE_DOCUMENTATION;
    v.legalBasis = LegalBasis.PUBLIC_TASK;
    v.legalReference = "SFS 2017:900 § 27";
    v.direction = PolicyVersion.Direction.BOTH;
    v.weekdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    v.hoursFrom = LocalTime.of(8, 0);
    v.hoursTo = LocalTime.of(17, 0);
    v.mode = Mode.ON_DEMAND;
    v.consentParties = ConsentParties.NONE;
    v.ropaId = "ROPA-12";
    v.vulnerableSubjects = false;
    v.largeScale = false;
    v.newTechnology = false;
    v.disposalBody = "Regionstyrelsen";
    v.disposalRegistryNumber = "RS 2026/118";
    v.disposalDate = TODAY.minusMonths(2);
    v.disposalDocumentType = "Samtalsinspelning";
    v.retention = "P90D";
    v.noticeVersion = "1";
    v.announcement = Map.of("sv", "Samtalet kan komma att spelas in.");
    v.employeesAffected = false;
    v.reviewDate = TODAY.plusMonths(6);
    Map<UUID, Channel> channels = new LinkedHashMap<>();
    name(v, channels, channel(Channel.Kind.PHONE_LINE));
    return new Fixture(v, channels);
  }

  private static Channel channel(Channel.Kind kind) {
    Channel c = new Channel();
    c.id = UUID.randomUUID();
    c.kind = kind;
    return c;
  }

  private static void name(PolicyVersion v, Map<UUID, Channel> channels, Channel c) {
    v.channelIds.add(c.id);
    channels.put(c.id, c);
  }

  private static void affectEmployees(PolicyVersion v) {
    v.employeesAffected = true;
    v.mblReference = "MBL 2026-10-02";
    v.safetyRepView = "No objection";
  }
}
