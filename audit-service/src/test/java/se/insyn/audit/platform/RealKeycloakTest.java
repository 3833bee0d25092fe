package se.insyn.audit.platform;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.RealKeycloakProfile;
import se.insyn.devstack.test.Tokens;

/** Tokens from a real Keycloak with the suite's realm are accepted, and their roles enforced. */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class RealKeycloakTest {

  private static final String QUERY =
      "/api/v1/events?purpose=INTERNAL_CONTROL&type=policy.approved&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

  @Test
  void aDemoAuditorFromKeycloakMayQuery() {
    given()
        .auth()
        .oauth2(Tokens.keycloakUser("demo-auditor"))
        .when()
        .get(QUERY)
        .then()
        .statusCode(200);
  }

  @Test
  void theConsentServiceAccountMayNotReadTheTrail() {
    given()
        .auth()
        .oauth2(Tokens.keycloakClient("consent-service", "consent-service-dev-secret"))
        .when()
        .get(QUERY)
        .then()
        .statusCode(403);
  }
}
