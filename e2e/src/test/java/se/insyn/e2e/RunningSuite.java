package se.insyn.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import se.insyn.devstack.Processes;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Starts the suite once for all end-to-end test classes (free ports, throw-away data) and stops it
 * when the test run ends. Everything else is reached over HTTP only.
 *
 * <p>With {@code -Dinsyn.suite=attach} ({@code ./story}) it starts nothing and uses the suite that
 * {@code ./suite} runs on the fixed local ports, and stops nothing afterwards.
 */
final class RunningSuite implements ExtensionContext.Store.CloseableResource {

  private static RunningSuite instance;

  private final Suite suite;

  private RunningSuite(Suite suite) {
    this.suite = suite;
  }

  static synchronized Suite get(ExtensionContext context) {
    if (instance == null) {
      instance =
          new RunningSuite(
              attached()
                  ? Suite.attach(Suite.Options.local(Processes.repositoryRoot()))
                  : Suite.start(Suite.Options.ephemeral(Path.of("target/suite")), null));
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .put(RunningSuite.class, instance);
    }
    return instance.suite;
  }

  /** True when the tests run against the suite {@code ./suite} runs ({@code ./story}). */
  static boolean attached() {
    return "attach".equals(System.getProperty("insyn.suite"));
  }

  static String url(Suite suite, SuiteService service) {
    return suite.service(service).baseUrl();
  }

  @Override
  public void close() {
    suite.close();
  }
}
