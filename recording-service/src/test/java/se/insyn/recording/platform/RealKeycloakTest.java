package se.insyn.recording.platform;

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
  void aDemoRecordingAdminFromKeycloakMayListChannels() {
    given()
        .auth()
        .oauth2(Tokens.keycloakUser("demo-recording-admin"))
        .when()
        .get("/api/v1/channels")
        .then()
        .statusCode(200);
  }

  @Test
  void anItOperatorFromKeycloakIsForbidden() {
    given()
        .auth()
        .oauth2(Tokens.keycloakUser("demo-it-operator"))
        .when()
        .get("/api/v1/channels")
        .then()
        .statusCode(403);
  }

  @Test
  void aPhoneSystemClientIsNotAChannelAdministrator() {
    given()
        .auth()
        .oauth2(Tokens.keycloakClient("demo-pbx", "demo-pbx-dev-secret"))
        .when()
        .get("/api/v1/channels")
        .then()
        .statusCode(403);
  }
}
