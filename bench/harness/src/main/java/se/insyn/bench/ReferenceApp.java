package se.insyn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.insyn.devstack.Processes;

/**
 * The reference app (bench/reference-service) as a real process from its packaged jar, started
 * exactly as devstack starts the services: same JVM, same heap limit, configuration as system
 * properties, ready when {@code /q/health/ready} answers 200.
 */
final class ReferenceApp implements AutoCloseable {

  private final Path jar;
  private final int port;
  private final Map<String, String> config;
  private final Path log;
  private Process process;

  ReferenceApp(Path root, Map<String, String> config, Path log) {
    this.jar = root.resolve("bench/reference-service/target/quarkus-app/quarkus-run.jar");
    this.port = Processes.freePort();
    this.config = config;
    this.log = log;
  }

  synchronized ReferenceApp start() {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: bench/run builds it");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.port=" + port);
    command.add("-jar");
    command.add(jar.toString());
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("the reference app did not start", e);
    }
    Processes.awaitHttpOk(
        "reference-service", baseUrl() + "/q/health/ready", process, Duration.ofMinutes(2), log);
    return this;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  Optional<ProcessHandle> handle() {
    Process p = process;
    return p != null && p.isAlive() ? Optional.of(p.toHandle()) : Optional.empty();
  }

  @Override
  public synchronized void close() {
    Processes.stop(process, Duration.ofSeconds(15));
  }
}
