package se.insyn.audit.report.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import se.insyn.audit.report.service.RecordingsReport;

/**
 * The report as RFC 4180 CSV; times rendered in Europe/Stockholm with their offset (R63), so a time
 * in the hour that repeats when summer time ends still says which one it was. After the recordings
 * come the refused calls per line, the distinct callers, the configuration history and the
 * recordings found outside the suite, each under a header row of its own.
 */
final class ReportCsv {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  /**
   * A cell whose text, or any line of it, starts like a formula would be run by spreadsheet
   * programs: {@code = + - @}, and TAB or CR, which some of them skip before looking (OWASP CSV
   * injection).
   */
  private static final Pattern FORMULA = Pattern.compile("(?m)^(?=[=+\\-@\\t\\r])");

  private static final String HEADER =
      "recording,channel,decision,policyId,policyVersion,startedAt,stoppedAt,disposedAt,"
          + "disposalDecision,deleteAfter,accessStatement,access,accessAt,accessBy,accessClient,"
          + "accessReason,caseReference\r\n";

  private ReportCsv() {}

  static String write(RecordingsReport report) {
    StringBuilder out = new StringBuilder(HEADER);
    for (RecordingsReport.Recording r : report.recordings()) {
      List<String> fixed =
          List.of(
              cell(r.subject()),
              cell(r.channelId()),
              cell(r.decision()),
              cell(r.policyId()),
              cell(r.policyVersion()),
              time(r.startedAt()),
              time(r.stoppedAt()),
              time(r.disposedAt()),
              cell(r.disposalDecision()),
              cell(r.deleteAfter()),
              cell(r.accessStatement()));
      if (r.accesses().isEmpty() && r.refusedAccesses().isEmpty()) {
        out.append(String.join(",", fixed)).append(",,,,,,\r\n");
      }
      for (RecordingsReport.Access a : r.accesses()) {
        row(out, fixed, "ACCESSED", a);
      }
      for (RecordingsReport.Access a : r.refusedAccesses()) {
        row(out, fixed, "REFUSED", a);
      }
    }
    out.append("\r\nchannel,refusedCalls\r\n");
    for (RecordingsReport.LineCount line : report.refusedCalls()) {
      out.append(cell(line.channelId())).append(',').append(line.refused()).append("\r\n");
    }
    out.append("\r\ndistinctCallers,").append(report.distinctCallers()).append("\r\n");
    events(out, "configurationHistory", report.configurationHistory());
    events(out, "foundOutsideTheSuite", report.foundOutsideTheSuite());
    out.append("\r\n")
        .append("complete,")
        .append(report.completeness().complete())
        .append("\r\n")
        .append("statement,")
        .append(cell(report.completeness().statement()))
        .append("\r\n");
    return out.toString();
  }

  private static void events(
      StringBuilder out, String section, List<RecordingsReport.LoggedEvent> events) {
    out.append("\r\n").append(section).append(",type,actor,subject,data,leafIndex\r\n");
    for (RecordingsReport.LoggedEvent e : events) {
      out.append(time(e.time()))
          .append(',')
          .append(cell(e.type()))
          .append(',')
          .append(cell(e.actor()))
          .append(',')
          .append(cell(e.subject()))
          .append(',')
          .append(cell(e.data() == null ? null : e.data().toString()))
          .append(',')
          .append(e.leafIndex())
          .append("\r\n");
    }
  }

  private static void row(
      StringBuilder out, List<String> fixed, String kind, RecordingsReport.Access a) {
    out.append(String.join(",", fixed))
        .append(',')
        .append(kind)
        .append(',')
        .append(time(a.time()))
        .append(',')
        .append(cell(a.actor()))
        .append(',')
        .append(cell(a.clientId()))
        .append(',')
        .append(cell(a.reason()))
        .append(',')
        .append(cell(a.caseReference()))
        .append("\r\n");
  }

  private static String time(Instant t) {
    return t == null ? "" : t.atZone(STOCKHOLM).toOffsetDateTime().toString();
  }

  /** One field: formula starts defused with a leading apostrophe, then quoted when it must be. */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String safe = FORMULA.matcher(value).replaceAll("'");
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
