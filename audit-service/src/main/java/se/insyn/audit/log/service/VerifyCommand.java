package se.insyn.audit.log.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The tamper check as a command ({@code java -jar quarkus-run.jar verify}), for a Kubernetes
 * CronJob or an operator's shell: prints the report as JSON and answers with an exit code.
 */
@ApplicationScoped
public class VerifyCommand {

  /** Exit code when the log is intact. */
  public static final int INTACT = 0;

  /** Exit code when anything was found. */
  public static final int TAMPERED = 1;

  /** Exit code when another replica is verifying right now; try again later. */
  public static final int BUSY = 75;

  private final ScheduledVerification verification;
  private final ObjectMapper json;

  VerifyCommand(ScheduledVerification verification, ObjectMapper json) {
    this.verification = verification;
    this.json = json;
  }

  public int run(PrintStream out) {
    return verification
        .runOnce()
        .map(
            report -> {
              out.println(write(report));
              return report.consistent() ? INTACT : TAMPERED;
            })
        .orElseGet(
            () -> {
              out.println("{\"busy\":true}");
              return BUSY;
            });
  }

  private String write(VerifyReport report) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
