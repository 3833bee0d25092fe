package se.insyn.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;
import se.insyn.devstack.TestIssuer;

/**
 * A second running suite for the fault tests, which stop, kill and restart its parts: PostgreSQL
 * with its data on disk (so it can be restarted), a real OIDC issuer over HTTP (signed tokens,
 * client credentials for the services' own calls) and the three packaged services as processes. It
 * is started once and shared by the fault test classes, which run one after another and each leave
 * it running.
 */
final class FaultSuite implements ExtensionContext.Store.CloseableResource {

  private static FaultSuite instance;

  final TestIssuer issuer;
  final Suite suite;
  final InsynClient api;

  private FaultSuite(TestIssuer issuer, Suite suite) {
    this.issuer = issuer;
    this.suite = suite;
    this.api =
        new InsynClient(
            url(SuiteService.CONSENT), url(SuiteService.RECORDING), url(SuiteService.AUDIT));
  }

  static synchronized FaultSuite get(ExtensionContext context) {
    if (instance == null) {
      Path work = Path.of("target/fault-suite").toAbsolutePath();
      // Fresh data every run; it is on disk only so that PostgreSQL can be restarted.
      deleteRecursively(work.resolve("postgres-data"));
      TestIssuer issuer = TestIssuer.start();
      // The relays retry quickly here so that a restarted audit-service is caught up in seconds.
      Map<String, String> relay =
          Map.of(
              "insyn.outbox.relay.initial-backoff", "200ms",
              "insyn.outbox.relay.max-backoff", "2s");
      Suite suite =
          Suite.startWithTestIssuer(
              new Suite.Options(0, 0, false, work, work.resolve("postgres-data")),
              issuer,
              Map.of(SuiteService.CONSENT, relay, SuiteService.RECORDING, relay));
      instance = new FaultSuite(issuer, suite);
      context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(FaultSuite.class, instance);
    }
    return instance;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(SuiteService service) {
    return suite.service(service).baseUrl();
  }

  /** A user's token with the given realm roles. */
  String user(String subject, String... roles) {
    return issuer.sign(subject, "insyn-portal", List.of(roles), 3600);
  }

  /** The phone system's own service-account token. */
  String pbx() {
    return issuer.sign("service-account-demo-pbx", "demo-pbx", List.of("recorder"), 3600);
  }

  /** The recording-service's own token for the consent decision API. */
  String decisionClient() {
    return issuer.sign(
        "service-account-recording-service", "recording-service", List.of("decision-client"), 3600);
  }

  @Override
  public void close() {
    suite.close();
    issuer.close();
  }

  /** Injects the running {@link FaultSuite} into fault tests. */
  public static class Extension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == FaultSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return FaultSuite.get(context);
    }
  }
}
