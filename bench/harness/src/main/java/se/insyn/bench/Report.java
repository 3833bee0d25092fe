package se.insyn.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints each figure as one line and writes the run as JSON. */
final class Report {

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void add(Figure f) {
    figures.add(f);
    System.out.println(line(f));
    System.out.flush();
  }

  List<String> notes() {
    return notes;
  }

  List<Figure> figures() {
    return figures;
  }

  /** {@code name: value unit (ratio× reference) target … PASS|MISS}. */
  static String line(Figure f) {
    StringBuilder out = new StringBuilder();
    out.append(f.name()).append(": ").append(number(f.value())).append(' ').append(f.unit());
    if (f.ratio() != null) {
      out.append(" (")
          .append(number(f.ratio()))
          .append("× vs reference ")
          .append(number(f.reference()))
          .append(' ')
          .append(f.unit())
          .append(')');
    } else if (f.reference() != null) {
      out.append(" (reference ")
          .append(number(f.reference()))
          .append(' ')
          .append(f.unit())
          .append(')');
    }
    if (f.target() != null) {
      Boolean pass = f.pass();
      out.append("  target ")
          .append(f.target().describe(f.unit()))
          .append(": ")
          .append(pass == null ? "n/a" : pass ? "PASS" : "MISS");
    }
    return out.toString();
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
  }

  void write(Path file, Map<String, Object> run) throws IOException {
    ObjectNode root = Api.JSON.valueToTree(run);
    ArrayNode list = root.putArray("figures");
    for (Figure f : figures) {
      ObjectNode o = list.addObject();
      o.put("name", f.name());
      o.put("value", f.value());
      o.put("unit", f.unit());
      if (f.reference() != null) {
        o.put("reference", f.reference());
      }
      if (f.ratio() != null) {
        o.put("ratio", f.ratio());
      }
      if (f.target() != null) {
        o.put("target", f.target().describe(f.unit()));
        Boolean pass = f.pass();
        if (pass != null) {
          o.put("pass", pass);
        }
      }
    }
    ArrayNode n = root.putArray("notes");
    notes.forEach(n::add);
    Files.createDirectories(file.getParent());
    Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }
}
