package se.insyn.audit.log.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.insyn.audit.log.witness.Witness;

/**
 * The tamper check as a command ({@code java -jar quarkus-run.jar verify}), for a Kubernetes
 * CronJob or an operator's shell: prints the report as JSON and answers with an exit code. With
 * {@code witness} it is a C2SP witness of a log instead ({@link Witness}).
 */
@ApplicationScoped
public class VerifyCommand {

  /** Exit code when the log is intact. */
  public static final int INTACT = 0;

  /** Exit code when anything was found. */
  public static final int TAMPERED = 1;

  /** Exit code when another replica is verifying right now; try again later. */
  public static final int BUSY = 75;

  /** Exit code for arguments the command does not understand (EX_USAGE). */
  public static final int USAGE = 64;

  private static final Set<String> ALLOWED =
      Set.of("--log-key", "--log-url", "--bulletin", "--state", "--name", "--key");

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

  /**
   * Witness mode: {@code witness --log-key <vkey> --log-url <url> [--bulletin <dir>] --state <file>
   * --name <witness name> --key <PKCS#8 Ed25519 PEM>}, with the bearer token (role {@code witness})
   * in {@code INSYN_WITNESS_TOKEN}. Exits 0 with the cosignature line on {@code out}, 1 on a fork
   * (message on {@code err}), 2 when it could not do its work, 64 on bad arguments.
   */
  public static int witness(List<String> args, String token, PrintStream out, PrintStream err) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      flags.put(args.get(i), args.get(i + 1));
    }
    List<String> required = List.of("--log-key", "--log-url", "--state", "--name", "--key");
    if (args.size() % 2 != 0
        || !ALLOWED.containsAll(flags.keySet())
        || !flags.keySet().containsAll(required)
        || token == null
        || token.isBlank()) {
      err.println(
          "usage: witness --log-key <vkey> --log-url <url> [--bulletin <dir>] --state <file>"
              + " --name <witness name> --key <ed25519.pem>, token in INSYN_WITNESS_TOKEN");
      return USAGE;
    }
    return new Witness(
            new Witness.Options(
                flags.get("--log-key"),
                Optional.ofNullable(flags.get("--bulletin")).map(Path::of),
                URI.create(flags.get("--log-url")),
                Path.of(flags.get("--state")),
                flags.get("--name"),
                Path.of(flags.get("--key")),
                token))
        .run(out, err);
  }

  private String write(VerifyReport report) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
