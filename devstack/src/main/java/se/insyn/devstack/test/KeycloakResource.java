package se.insyn.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import se.insyn.devstack.KeycloakServer;
import se.insyn.devstack.Processes;

/**
 * Points {@code quarkus.oidc} at a real Keycloak with the suite's local realm. One Keycloak per
 * test JVM, stopped when the JVM exits; its log goes to {@code target/keycloak-test.log}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

  static final String PROPERTY = "insyn.test.keycloak";

  private static KeycloakServer keycloak;

  @Override
  public Map<String, String> start() {
    KeycloakServer kc = keycloak();
    System.setProperty(PROPERTY, kc.issuer());
    return Map.of("quarkus.oidc.auth-server-url", kc.issuer());
  }

  static synchronized KeycloakServer keycloak() {
    if (keycloak == null) {
      keycloak =
          KeycloakServer.start(Processes.freePort(), Path.of("target/keycloak-test.log"), null);
      Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "stop-keycloak"));
    }
    return keycloak;
  }

  @Override
  public void stop() {
    // Stopped at JVM exit, so a second Keycloak profile in the same module reuses it.
  }
}
