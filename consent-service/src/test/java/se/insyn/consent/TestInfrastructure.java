package se.insyn.consent;

import io.quarkus.test.common.QuarkusTestResource;
import se.insyn.devstack.test.PostgresResource;
import se.insyn.devstack.test.TestIssuerResource;

/**
 * Every test of this service runs against a real PostgreSQL, a real (test) OIDC issuer and a real
 * HTTP stand-in for the recording-service.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(RecordingServiceStub.class)
public final class TestInfrastructure {

  private TestInfrastructure() {}
}
