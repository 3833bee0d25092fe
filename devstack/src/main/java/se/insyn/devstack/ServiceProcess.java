package se.insyn.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Insyn service run as a real process from its packaged fast-jar ({@code
 * target/quarkus-app/quarkus-run.jar}), with its configuration passed as system properties.
 */
public final class ServiceProcess implements AutoCloseable {

  private final SuiteService service;
  private final int port;
  private final Map<String, String> config;
  private final Path log;
  private Process process;

  ServiceProcess(SuiteService service, int port, Map<String, String> config, Path log) {
    this.service = service;
    this.port = port;
    this.config = config;
    this.log = log;
  }

  /** Starts the process and waits until {@code /q/health/ready} answers 200. Restartable. */
  public synchronized ServiceProcess start() {
    Path jar =
        Processes.repositoryRoot()
            .resolve(service.module())
            .resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
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
      throw new UncheckedIOException(service.module() + " did not start", e);
    }
    Processes.awaitHttpOk(
        service.module(), baseUrl() + "/q/health/ready", process, Duration.ofMinutes(2), log);
    return this;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The running process, e.g. for its resident memory; empty when it is not running. */
  public java.util.Optional<ProcessHandle> handle() {
    Process p = process;
    return p != null && p.isAlive()
        ? java.util.Optional.of(p.toHandle())
        : java.util.Optional.empty();
  }

  /**
   * Sets a configuration value for the next {@link #start()}, e.g. to shorten a retry interval in a
   * fault test.
   */
  public synchronized void configure(String key, String value) {
    config.put(key, value);
  }

  /** Kills the process at once (SIGKILL), as a crash would; {@link #start()} starts it again. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the process (a fault test can start it again with {@link #start()}). */
  @Override
  public synchronized void close() {
    Processes.stop(process, Duration.ofSeconds(15));
  }
}
