package se.insyn.audit.report.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import se.insyn.audit.report.service.RecordingsReport;

/** The report as RFC 4180 CSV; times rendered in Europe/Stockholm with their offset (R63). */
final class ReportCsv {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String HEADER =
      "recording,channel,decision,policyId,policyVersion,startedAt,stoppedAt,disposedAt,"
          + "disposalDecision,accessStatement,access,accessAt,accessBy,accessClient,accessReason,"
          + "caseReference\r\n";

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
    out.append("\r\n")
        .append("complete,")
        .append(report.completeness().complete())
        .append("\r\n")
        .append("statement,")
        .append(cell(report.completeness().statement()))
        .append("\r\n");
    return out.toString();
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

  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    // A leading formula character would be executed by spreadsheet programs.
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
