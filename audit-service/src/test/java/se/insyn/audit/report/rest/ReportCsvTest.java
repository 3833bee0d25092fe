package se.insyn.audit.report.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.insyn.audit.report.service.RecordingsReport;

/** R63: Stockholm time in CSV, across a change of summer time; CSV injection is defused. */
class ReportCsvTest {

  @Test
  void aFormulaStartIsDefused() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ReportCsv.cell("=HYPERLINK(\"x\")"));
    assertEquals("'+46701234567", ReportCsv.cell("+46701234567"));
    assertEquals("'-2+3", ReportCsv.cell("-2+3"));
    assertEquals("'@SUM(A1)", ReportCsv.cell("@SUM(A1)"));
    assertEquals("KS 2026/112", ReportCsv.cell("KS 2026/112"));
  }

  @Test
  void tabCarriageReturnAndEveryLineOfAMultiLineCellAreDefusedAndQuoted() {
    assertEquals("'\t=1", ReportCsv.cell("\t=1"));
    // CR both starts the cell and ends a line: the "=" after it starts the next one.
    assertEquals("\"'\r'=1\"", ReportCsv.cell("\r=1"));
    assertEquals("\"note\n'=cmd|' /C calc'!A0\"", ReportCsv.cell("note\n=cmd|' /C calc'!A0"));
    assertEquals("\"a,b\"", ReportCsv.cell("a,b"));
  }

  @Test
  void timesAreStockholmTimeWithTheOffsetOnEachSideOfTheAutumnChange() {
    // 2026-10-25 01:00 UTC summer time ends: 02:30 local happens twice, once at +02:00, then
    // +01:00.
    Instant started = Instant.parse("2026-10-25T00:30:00Z");
    Instant stopped = Instant.parse("2026-10-25T01:30:00Z");
    RecordingsReport report =
        new RecordingsReport(
            List.of("ch-1"),
            Instant.parse("2026-10-24T00:00:00Z"),
            Instant.parse("2026-10-26T00:00:00Z"),
            Instant.parse("2026-10-27T00:00:00Z"),
            10,
            List.of(
                new RecordingsReport.Recording(
                    "recording/r-1",
                    "ch-1",
                    "PERMIT",
                    null,
                    "pol-1",
                    "1",
                    started,
                    started,
                    stopped,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    "NO_ACCESS")),
            List.of(new RecordingsReport.LineCount("ch-1", 2)),
            1,
            List.of(
                new RecordingsReport.LoggedEvent(
                    Instant.parse("2026-03-29T01:30:00Z"),
                    "policy.approved",
                    "=evil",
                    "policy/p-1",
                    null,
                    3)),
            List.of(),
            new RecordingsReport.Completeness(true, "complete", List.of()));

    String csv = ReportCsv.write(report);

    assertTrue(
        csv.contains(
            "recording/r-1,ch-1,PERMIT,pol-1,1,2026-10-25T02:30+02:00,2026-10-25T02:30+01:00,"),
        csv);
    assertTrue(csv.contains("\r\nch-1,2\r\n"), csv);
    assertTrue(csv.contains("distinctCallers,1"), csv);
    // The spring change: 01:30 UTC on 2026-03-29 is 03:30 summer time (02:00-03:00 never happens).
    assertTrue(csv.contains("2026-03-29T03:30+02:00,policy.approved,'=evil,policy/p-1,,3"), csv);
  }
}
