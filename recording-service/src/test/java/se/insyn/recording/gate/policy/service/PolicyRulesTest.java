package se.insyn.recording.gate.policy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.insyn.problem.Problem.Violation;
import se.insyn.recording.gate.policy.repository.PolicyVersion;

class PolicyRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private static List<String> fields(PolicyVersion v) {
    return PolicyRules.check(v, Map.of(), TODAY).violations().stream()
        .map(Violation::field)
        .toList();
  }

  @Test
  void anEmptyDraftMissesEveryChecklistItem() {
    List<String> fields = fields(new PolicyVersion());
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
  void theReviewDateIsAtMostTwelveMonthsAhead() {
    PolicyVersion v = new PolicyVersion();
    v.reviewDate = TODAY.plusMonths(12);
    assertFalse(fields(v).contains("reviewDate"));
    v.reviewDate = TODAY.plusMonths(12).plusDays(1);
    assertTrue(fields(v).contains("reviewDate"));
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
  void retentionIsFiniteOrAnExplicitPreserve() {
    assertTrue(PolicyRules.validRetention("P90D"));
    assertTrue(PolicyRules.validRetention("PT24H"));
    assertTrue(PolicyRules.validRetention("PRESERVE"));
    assertFalse(PolicyRules.validRetention("P0D"));
    assertFalse(PolicyRules.validRetention("forever"));
    OffsetDateTime now = OffsetDateTime.of(2026, 1, 31, 12, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(now.plusMonths(1), PolicyRules.deleteAfter("P1M", now).orElseThrow());
    assertTrue(PolicyRules.deleteAfter("PRESERVE", now).isEmpty());
  }
}
