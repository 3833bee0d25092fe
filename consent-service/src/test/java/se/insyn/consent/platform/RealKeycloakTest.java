package se.insyn.consent.platform;

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

  @Test
  void aDemoEmployeeFromKeycloakMayListPurposes() {
    given()
        .auth()
        .oauth2(Tokens.keycloakUser("demo-employee"))
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(200);
  }

  @Test
  void aKeycloakUserWithoutTheRoleIsForbidden() {
    given()
        .auth()
        .oauth2(Tokens.keycloakUser("demo-it-operator"))
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(403);
  }

  @Test
  void theRecordingServiceAccountMayAskAsDecisionClient() {
    given()
        .auth()
        .oauth2(Tokens.keycloakClient("recording-service", "recording-service-dev-secret"))
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(200);
  }
}
