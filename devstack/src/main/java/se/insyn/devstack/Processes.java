package se.insyn.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the things devstack starts: ports, readiness polling, stopping trees. */
public final class Processes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Processes() {}

  /** A TCP port that was free a moment ago on the loopback interface. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root: the {@code insyn.root} system property, or the working directory. */
  public static Path repositoryRoot() {
    String root = System.getProperty("insyn.root");
    Path start = Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (p.resolve("dev/keycloak/insyn-realm.json").toFile().isFile()) {
        return p;
      }
    }
    throw new IllegalStateException("Cannot find the Insyn repository root from " + start);
  }

  /**
   * Polls {@code url} until it answers 200, the process dies, or {@code timeout} passes. The log
   * file is named in the error so a failed start can be diagnosed.
   */
  public static void awaitHttpOk(
      String what, String url, Process process, Duration timeout, Path log) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            what + " exited with code " + process.exitValue() + " before it was ready; see " + log);
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(what + " was not ready within " + timeout + "; see " + log);
  }

  /** Stops a process and everything it started: politely first, then forcibly. */
  public static void stop(Process process, Duration grace) {
    if (process == null || !process.isAlive()) {
      return;
    }
    var descendants = process.toHandle().descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
