package se.insyn.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import se.insyn.devstack.TestIssuer;

/**
 * Points {@code quarkus.oidc} at the in-JVM {@link TestIssuer}; tokens come from {@link Tokens}.
 */
public class TestIssuerResource implements QuarkusTestResourceLifecycleManager {

  static final String PROPERTY = "insyn.test.issuer";

  private static TestIssuer issuer;

  @Override
  public Map<String, String> start() {
    String url = issuer().issuer();
    System.setProperty(PROPERTY, url);
    return Map.of("quarkus.oidc.auth-server-url", url);
  }

  private static synchronized TestIssuer issuer() {
    if (issuer == null) {
      issuer = TestIssuer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "stop-test-issuer"));
    }
    return issuer;
  }

  @Override
  public void stop() {
    // Kept for the life of the JVM: tokens minted before a restart stay verifiable.
  }
}
