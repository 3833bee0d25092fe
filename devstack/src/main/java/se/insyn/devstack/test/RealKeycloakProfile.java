package se.insyn.devstack.test;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * A test profile whose tokens come from a real Keycloak with the suite's local realm instead of the
 * test issuer. Global test resources are switched off so that the issuer is unambiguous.
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(PostgresResource.class),
        new TestResourceEntry(KeycloakResource.class));
  }

  @Override
  public boolean disableGlobalTestResources() {
    return true;
  }
}
