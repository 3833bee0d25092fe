package se.insyn.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.insyn.devstack.PostgresServer;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;
import se.insyn.devstack.TestIssuer;

/**
 * Everything a run measures, as real processes on this machine: PostgreSQL, the test OIDC issuer
 * (in this JVM, over HTTP), the three services from their packaged jars in the production profile,
 * and the reference app on the same PostgreSQL and issuer.
 */
final class Stack implements AutoCloseable {

  private static final long TOKEN_SECONDS = 6 * 3600;

  /**
   * The only settings that differ from {@code ./suite}: the recording-service's disposal job (and
   * its upload recovery) runs every second instead of every minute, so that the disposal scenario
   * does not wait up to a minute for the job's next tick, nor restart the service (half a minute on
   * a busy machine) to shorten it. On a run without due recordings each tick is two indexed queries
   * that find nothing.
   */
  static final Map<SuiteService, Map<String, String>> OVERRIDES =
      Map.of(SuiteService.RECORDING, Map.of("insyn.recording.disposal.every", "1s"));

  private final TestIssuer issuer;
  private final Suite suite;
  private final ReferenceApp reference;

  private Stack(TestIssuer issuer, Suite suite, ReferenceApp reference) {
    this.issuer = issuer;
    this.suite = suite;
    this.reference = reference;
  }

  static Stack start(Path root, Path work) {
    TestIssuer issuer = TestIssuer.start();
    Suite suite = null;
    try {
      suite = Suite.startWithTestIssuer(Suite.Options.ephemeral(work), issuer, OVERRIDES);
      PostgresServer postgres = suite.postgres();
      Map<String, String> config = new LinkedHashMap<>();
      config.put("quarkus.datasource.jdbc.url", postgres.createDatabase("reference"));
      config.put("quarkus.datasource.username", "reference");
      config.put("quarkus.datasource.password", "reference");
      config.put("quarkus.oidc.auth-server-url", issuer.issuer());
      config.put("quarkus.oidc.client-id", "bench-reference-service");
      ReferenceApp reference =
          new ReferenceApp(root, config, work.resolve("logs/reference-service.log")).start();
      return new Stack(issuer, suite, reference);
    } catch (RuntimeException e) {
      if (suite != null) {
        suite.close();
      }
      issuer.close();
      throw e;
    }
  }

  /** A signed access token, valid for the whole run, shaped like Keycloak's. */
  String token(String subject, String clientId, String... roles) {
    return issuer.sign(subject, clientId, List.of(roles), TOKEN_SECONDS);
  }

  /** A user's token (client {@code insyn-portal}). */
  String user(String subject, String... roles) {
    return token(subject, "insyn-portal", roles);
  }

  /** A service account's token, as the client-credentials grant gives it. */
  String client(String clientId, String... roles) {
    return token("service-account-" + clientId, clientId, roles);
  }

  String url(SuiteService service) {
    return suite.service(service).baseUrl();
  }

  Suite suite() {
    return suite;
  }

  PostgresServer postgres() {
    return suite.postgres();
  }

  ReferenceApp reference() {
    return reference;
  }

  @Override
  public void close() {
    try {
      reference.close();
    } finally {
      try {
        suite.close();
      } finally {
        issuer.close();
      }
    }
  }
}
