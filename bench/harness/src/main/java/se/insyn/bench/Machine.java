package se.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the numbers were measured on: they only mean something next to this. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu", cpuInfo("model name").orElse(System.getProperty("os.arch")));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memoryMiB", memInfoKb("MemTotal").map(kb -> kb / 1024).orElse(-1L));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("loadAverageAtStart", loadAverage());
    return m;
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Resident set size of a process in MiB, from /proc (Linux). */
  static double rssMiB(ProcessHandle process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // not Linux or already gone
    }
    return -1;
  }

  private static Optional<String> cpuInfo(String key) {
    return field(Path.of("/proc/cpuinfo"), key);
  }

  private static Optional<Long> memInfoKb(String key) {
    return field(Path.of("/proc/meminfo"), key)
        .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")));
  }

  private static Optional<String> field(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
