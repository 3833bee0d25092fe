package se.insyn.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.PostgresServer;

/**
 * The packaged service run as the CronJob runs it: {@code java -jar quarkus-run.jar verify} against
 * a real PostgreSQL, in its own process, answering with JSON and an exit code.
 */
class VerifyCommandIT {

  private static PostgresServer postgres;
  private static String jdbcUrl;

  @BeforeAll
  static void database() {
    postgres = PostgresServer.start(0, null);
    jdbcUrl = postgres.createDatabase("audit");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void verifyOnAFreshLogPrintsAnIntactReportAndExitsZero() throws Exception {
    Result result = run("verify");
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("\"consistent\" : true"), result.output());
    assertTrue(result.output().contains("\"treeSize\" : 0"), result.output());
  }

  @Test
  void anUnknownCommandExitsWithUsage() throws Exception {
    Result result = run("shred-everything");
    assertEquals(64, result.exitCode(), result.output());
    assertTrue(result.output().contains("usage: java -jar quarkus-run.jar [verify"));
  }

  @Test
  void theWitnessRunsWithoutTheLogsDatabaseAndExplainsItsArguments() throws Exception {
    Result result = run(List.of(), "witness", "--log-key");
    assertEquals(64, result.exitCode(), result.output());
    assertTrue(result.output().startsWith("usage: witness"), result.output());
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String command) throws IOException, InterruptedException {
    Path keys = Files.createTempDirectory("audit-keys");
    return run(
        List.of(
            "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
            "-Dquarkus.datasource.username=audit",
            "-Dquarkus.datasource.password=audit",
            "-Dquarkus.http.host-enabled=false",
            "-Dquarkus.oidc.tenant-enabled=false",
            "-Dinsyn.audit.signing.generate-missing-key=true",
            "-Dinsyn.audit.signing.private-key-file=" + keys.resolve("key.pem"),
            "-Dinsyn.audit.signing.public-key-file=" + keys.resolve("key.pub.pem")),
        command);
  }

  private static Result run(List<String> properties, String... command)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(properties);
    args.add("-jar");
    args.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
    args.addAll(List.of(command));
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("verify did not exit within two minutes");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
