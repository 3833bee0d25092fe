package se.insyn.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/audit-events.md is the catalogue for people; it must say what {@link EventType} says (R59).
 * Each service's section ({@code ## consent-service}, …) has one table, {@code | type | meaning |
 * requirements | data fields |}, with a row per type; a field is {@code `name`}, or {@code `name`
 * (optional)}.
 */
class EventCatalogueDocTest {

  static final String DOC = "docs/audit-events.md";
  static final String HEADER = "| type | meaning | requirements | data fields |";
  private static final Pattern FIELD = Pattern.compile("`([^`]+)`( \\(optional\\))?");

  /** One documented type, as the table has it. */
  record Row(
      String service,
      String type,
      String meaning,
      List<String> requirements,
      List<String> fields) {}

  @Test
  void theDocumentedCatalogueIsTheCatalogue() throws IOException {
    Path root = Path.of(System.getProperty("insyn.root", ".."));
    List<String> differences = compare(Files.readString(root.resolve(DOC), StandardCharsets.UTF_8));
    assertTrue(
        differences.isEmpty(),
        DOC
            + " and se.insyn.events.EventType differ (R59):\n  "
            + String.join("\n  ", differences));
  }

  @Test
  void aTypeOrFieldInOnlyOneOfThemIsReportedByName() {
    String doc =
        table("consent-service", row(EventType.PURPOSE_CREATED).replace("`code`, ", ""))
            + "| `purpose.renamed` | A purpose got another title. | R59 | `code` |\n";
    List<String> differences = compare(doc);
    assertTrue(
        differences.contains(
            "purpose.created: field code is in EventType but not in the doc (`code`)"),
        differences.toString());
    assertTrue(
        differences.contains("purpose.renamed is in the doc but not in EventType"),
        differences.toString());
    assertTrue(
        differences.contains("notice.published is in EventType but not in the doc"),
        differences.toString());
    assertTrue(
        differences.contains("audit.queried is in EventType but not in the doc"),
        differences.toString());
  }

  @Test
  void anOptionalityMeaningOrRequirementThatDiffersIsReported() {
    String doc =
        table(
            "recording-service",
            row(EventType.CHANNEL_PLATFORM_ASSIGNED)
                .replace("`platform` (optional)", "`platform`")
                .replace("R61", "R62")
                .replace("unassigned.", "left alone."));
    List<String> differences = compare(doc);
    assertTrue(
        differences.contains(
            "channel.platform-assigned: field platform is optional in EventType, required in the doc"),
        differences.toString());
    assertTrue(
        differences.contains(
            "channel.platform-assigned: requirements are [R1, R61] in EventType, [R1, R62] in the"
                + " doc"),
        differences.toString());
    assertTrue(
        differences.stream().anyMatch(d -> d.startsWith("channel.platform-assigned: meaning is")),
        differences.toString());
  }

  @Test
  void aTypeUnderAnotherServiceIsReported() {
    List<String> differences = compare(table("audit-service", row(EventType.CONSENT_GIVEN)));
    assertTrue(
        differences.contains(
            "consent.given is under audit-service in the doc, emitted by consent-service in"
                + " EventType"),
        differences.toString());
  }

  /** Every difference between the documented catalogue and {@link EventType}, in words. */
  static List<String> compare(String markdown) {
    List<String> out = new ArrayList<>();
    Map<String, Row> documented = new LinkedHashMap<>();
    for (Row row : rows(markdown, out)) {
      if (documented.put(row.type(), row) != null) {
        out.add(row.type() + " is in the doc twice");
      }
    }
    for (EventType type : EventType.values()) {
      Row row = documented.remove(type.wireName());
      if (row == null) {
        out.add(type.wireName() + " is in EventType but not in the doc");
      } else {
        compare(type, row, out);
      }
    }
    documented.keySet().forEach(t -> out.add(t + " is in the doc but not in EventType"));
    return out;
  }

  private static void compare(EventType type, Row row, List<String> out) {
    String name = type.wireName();
    if (!type.source().serviceName().equals(row.service())) {
      out.add(
          name
              + " is under "
              + row.service()
              + " in the doc, emitted by "
              + type.source().serviceName()
              + " in EventType");
    }
    if (!type.meaning().equals(row.meaning())) {
      out.add(
          name
              + ": meaning is \""
              + type.meaning()
              + "\" in EventType, \""
              + row.meaning()
              + "\" in the doc");
    }
    if (!type.requirements().equals(row.requirements())) {
      out.add(
          name
              + ": requirements are "
              + type.requirements()
              + " in EventType, "
              + row.requirements()
              + " in the doc");
    }
    Map<String, Boolean> documented = new LinkedHashMap<>();
    for (String cell : row.fields()) {
      Matcher m = FIELD.matcher(cell);
      if (!m.matches()) {
        out.add(name + ": field cell '" + cell + "' is not `name` or `name` (optional)");
      } else if (documented.put(m.group(1), m.group(2) == null) != null) {
        out.add(name + ": field " + m.group(1) + " is in the doc twice");
      }
    }
    for (EventType.Field field : type.fields()) {
      Boolean required = documented.remove(field.name());
      if (required == null) {
        out.add(
            name
                + ": field "
                + field.name()
                + " is in EventType but not in the doc (`"
                + field.name()
                + "`)");
      } else if (required != field.required()) {
        out.add(
            name
                + ": field "
                + field.name()
                + " is "
                + (field.required() ? "required" : "optional")
                + " in EventType, "
                + (required ? "required" : "optional")
                + " in the doc");
      }
    }
    documented
        .keySet()
        .forEach(f -> out.add(name + ": field " + f + " is in the doc but not in EventType"));
  }

  /** The rows of each service section's catalogue table. */
  private static List<Row> rows(String markdown, List<String> out) {
    List<Row> rows = new ArrayList<>();
    String service = null;
    boolean inTable = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        String heading = line.substring(3).trim();
        service =
            Arrays.stream(EventType.Source.values())
                .map(EventType.Source::serviceName)
                .filter(heading::equals)
                .findFirst()
                .orElse(null);
        inTable = false;
      } else if (service != null && line.equals(HEADER)) {
        inTable = true;
      } else if (inTable && line.startsWith("|---")) {
        continue;
      } else if (inTable && line.startsWith("|")) {
        String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
        if (cells.length != 4) {
          out.add("a row under " + service + " does not have 4 cells: " + line);
          continue;
        }
        rows.add(
            new Row(
                service,
                cells[0].trim().replace("`", ""),
                cells[1].trim(),
                List.of(cells[2].trim().split(", ")),
                Arrays.stream(cells[3].trim().split(", ")).filter(c -> !c.isEmpty()).toList()));
      } else if (service != null && line.startsWith("|")) {
        out.add(
            "a table line under "
                + service
                + " is outside its catalogue table (a blank line ends a table): "
                + line);
      } else {
        inTable = false;
      }
    }
    return rows;
  }

  private static String table(String service, String row) {
    return "## " + service + "\n\n" + HEADER + "\n|---|---|---|---|\n" + row;
  }

  /** A type's row as the doc should have it. */
  private static String row(EventType type) {
    return "| `"
        + type.wireName()
        + "` | "
        + type.meaning()
        + " | "
        + String.join(", ", type.requirements())
        + " | "
        + String.join(
            ", ",
            type.fields().stream()
                .map(f -> "`" + f.name() + "`" + (f.required() ? "" : " (optional)"))
                .toList())
        + " |\n";
  }
}
