package se.insyn.recording;

import io.quarkus.test.common.QuarkusTestResource;
import se.insyn.devstack.test.PostgresResource;
import se.insyn.devstack.test.TestIssuerResource;

/**
 * Every test of this service runs against a real PostgreSQL, a real (test) OIDC issuer and a real
 * HTTP stand-in for the consent-service.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(ConsentServiceStub.class)
public final class TestInfrastructure {

  private TestInfrastructure() {}
}
