package se.insyn.audit;

import io.quarkus.test.common.QuarkusTestResource;
import se.insyn.devstack.test.PostgresResource;
import se.insyn.devstack.test.TestIssuerResource;

/** Every test of this service runs against a real PostgreSQL and a real (test) OIDC issuer. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestIssuerResource.class)
public final class TestInfrastructure {

  private TestInfrastructure() {}
}
