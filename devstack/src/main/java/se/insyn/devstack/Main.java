package se.insyn.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: starts the suite on fixed local ports until Ctrl-C. With {@code
 * --infra-only} it starts only PostgreSQL and Keycloak, for a service run from source with {@code
 * quarkus:dev} (CONTRIBUTING.md).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Path root = Processes.repositoryRoot();
    Suite.Options options = Suite.Options.local(root);
    if (List.of(args).contains("--infra-only")) {
      System.out.println("Starting PostgreSQL and Keycloak (logs in .suite/logs)...");
      Suite infrastructure = Suite.startInfrastructure(options, "admin");
      CountDownLatch stopped = stopOnShutdown(infrastructure);
      printInfrastructure(infrastructure);
      stopped.await();
      return;
    }
    System.out.println(
        "Starting PostgreSQL, Keycloak and the three services (logs in .suite/logs)...");
    Suite suite = Suite.start(options, "admin");
    CountDownLatch stopped = stopOnShutdown(suite);
    List<String> demo = loadDemoData(suite);
    printWelcome(suite, demo);
    stopped.await();
  }

  /** Stops everything on Ctrl-C; the latch opens once it is all stopped. */
  private static CountDownLatch stopOnShutdown(Suite suite) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping the suite...");
                  suite.close();
                  System.out.println("Stopped. Nothing is left running.");
                  stopped.countDown();
                },
                "stop-suite"));
    return stopped;
  }

  private static void printInfrastructure(Suite suite) {
    StringBuilder out = new StringBuilder();
    out.append("\nPostgreSQL and Keycloak are running. Ctrl-C stops them.\n\n");
    appendInfrastructure(out, suite);
    appendTotpSecrets(out);
    out.append("\nRun a service from source against them, in another terminal, e.g.:\n\n");
    for (SuiteService s : SuiteService.values()) {
      out.append("  ./mvnw quarkus:dev -pl ").append(s.module()).append(" -am\n");
    }
    System.out.println(out);
  }

  /**
   * The demo users whose roles need a second factor (issue 21 item 6) and their TOTP secrets, for
   * an authenticator app; a token for them needs {@code -d otp=<the app's current code>} too.
   */
  private static void appendTotpSecrets(StringBuilder out) {
    out.append("\nThese demo users also need a TOTP code (-d otp=... or the login page's second")
        .append(
            " step).\nAdd their secret to an authenticator app (TOTP, SHA-1, 6 digits, 30 s):\n\n");
    for (String user : LocalRealm.totpSecrets().keySet()) {
      out.append(
          String.format("  %-24s %s%n", user, LocalRealm.totpSecretBase32(user).orElseThrow()));
    }
  }

  private static void appendInfrastructure(StringBuilder out, Suite suite) {
    out.append(
        String.format(
            "  %-18s %-24s %s (admin console: user admin, password admin; local only)%n",
            "keycloak", "http://localhost:" + suite.keycloak().port(), suite.issuer()));
    out.append(
        String.format(
            "  %-18s %-24s databases consent, recording, audit%n",
            "postgresql", "localhost:" + suite.postgres().port()));
  }

  /** The demo data, through the public APIs; a failure is reported and the suite keeps running. */
  private static List<String> loadDemoData(Suite suite) {
    System.out.println("Loading the demo data through the public APIs...");
    try {
      return DemoData.load(suite);
    } catch (RuntimeException e) {
      System.out.println("The demo data could not be loaded: " + e.getMessage());
      return List.of();
    }
  }

  private static void printWelcome(Suite suite, List<String> demo) {
    StringBuilder out = new StringBuilder();
    out.append("\nInsyn is running. Ctrl-C stops everything.\n\n");
    out.append(String.format("  %-18s %-24s %s%n", "service", "base URL", "Swagger UI / health"));
    for (SuiteService s : SuiteService.values()) {
      String base = suite.service(s).baseUrl();
      out.append(
          String.format(
              "  %-18s %-24s %s/q/swagger-ui  %s/q/health%n", s.module(), base, base, base));
    }
    appendInfrastructure(out, suite);
    out.append("\nThe officers' self-service page (log in as demo-employee / demo): ")
        .append(suite.service(SuiteService.CONSENT).baseUrl())
        .append("/me\n");
    out.append("\nA token for a demo user (every demo-<role> user has the password 'demo'):\n\n");
    out.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=")
        .append(KeycloakServer.DEMO_CLI_CLIENT)
        .append(" -d username=demo-consent-admin -d password=demo \\\n")
        .append("    ")
        .append(suite.issuer())
        .append(
            "/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
    out.append("  curl -H \"Authorization: Bearer $TOKEN\" ")
        .append(suite.service(SuiteService.CONSENT).baseUrl())
        .append("/api/v1/purposes\n");
    appendTotpSecrets(out);
    if (!demo.isEmpty()) {
      out.append("\nDemo data (loaded through the APIs as the demo users; kept in .suite/):\n");
      demo.forEach(line -> out.append("  ").append(line).append('\n'));
    }
    out.append(
            "\nPlay a story against this suite, narrated: what was asked, what the suite answered")
        .append(" and why\n(in another terminal; ./story alone lists them all):\n\n")
        .append("  ./story laholm-switch-off\n");
    System.out.println(out);
  }
}
