package se.insyn.audit;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.List;
import se.insyn.audit.log.service.VerifyCommand;

/**
 * Without arguments the service runs until stopped. With {@code verify} it checks the log against
 * its stored checkpoints once, prints the report and exits 0 (intact), 1 (findings) or 75 (another
 * replica is verifying). With {@code witness ...} it cosigns a log's newest checkpoint as a C2SP
 * witness (see {@link VerifyCommand#witness}). Set {@code QUARKUS_HTTP_HOST_ENABLED=false} for the
 * command so it opens no port.
 */
@QuarkusMain
public class AuditServiceMain implements QuarkusApplication {

  /** Exit code for a command this program does not know (EX_USAGE). */
  static final int USAGE = VerifyCommand.USAGE;

  @Inject VerifyCommand verify;

  public static void main(String... args) {
    if (args.length > 0 && "witness".equals(args[0])) {
      // A witness at another agency has no database of this log: it runs without starting Quarkus.
      System.exit(
          VerifyCommand.witness(
              List.of(args).subList(1, args.length),
              System.getenv("INSYN_WITNESS_TOKEN"),
              System.out,
              System.err));
    }
    Quarkus.run(AuditServiceMain.class, args);
  }

  @Override
  public int run(String... args) {
    if (args.length == 0) {
      Quarkus.waitForExit();
      return 0;
    }
    if (args.length == 1 && "verify".equals(args[0])) {
      return verify.run(System.out);
    }
    System.err.println("usage: java -jar quarkus-run.jar [verify | witness ...]");
    return USAGE;
  }
}
