package se.insyn.audit.platform;

import io.quarkus.test.junit.QuarkusTest;
import se.insyn.devstack.test.PlatformContract;

/** The suite-wide rules (see {@link PlatformContract}) hold for this service. */
@QuarkusTest
class PlatformTest extends PlatformContract {

  @Override
  protected String apiTitle() {
    return "Insyn audit-service";
  }
}
