package se.insyn.recording.gate.decision;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.PostgresResource;
import se.insyn.devstack.test.TestIssuerResource;
import se.insyn.recording.ConsentServiceStub;
import se.insyn.recording.Fixtures;

/** With nothing listening where the consent-service should be, every decision fails closed (R2). */
@QuarkusTest
@TestProfile(ConsentServiceDownTest.Down.class)
class ConsentServiceDownTest {

  public static class Down implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(PostgresResource.class),
          new TestResourceEntry(TestIssuerResource.class),
          new TestResourceEntry(ConsentServiceStub.class, Map.of("mode", "down")));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  @Test
  void aStoppedConsentServiceIsDecisionUnavailable() {
    UUID channel = Fixtures.channelWithConsentPolicy();
    Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", equalTo(List.of("DECISION_UNAVAILABLE")));
  }
}
