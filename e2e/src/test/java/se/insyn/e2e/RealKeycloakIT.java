package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Each service, as a packaged jar in its own process, accepts tokens from the real Keycloak with
 * the suite's realm and enforces the roles in them.
 */
@ExtendWith(SuiteExtension.class)
class RealKeycloakIT {

  private static final String EVENTS_QUERY =
      "/api/v1/events?purpose=INTERNAL_CONTROL&type=policy.approved&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

  @Test
  void consentServiceAcceptsAKeycloakEmployeeAndRefusesAnItOperator(Suite suite) {
    String url = suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes";
    given().auth().oauth2(user(suite, "demo-employee")).get(url).then().statusCode(200);
    given()
        .auth()
        .oauth2(user(suite, "demo-it-operator"))
        .get(url)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void recordingServiceAcceptsAKeycloakRecordingAdminAndRefusesThePhoneSystem(Suite suite) {
    String url = suite.service(SuiteService.RECORDING).baseUrl() + "/api/v1/channels";
    given().auth().oauth2(user(suite, "demo-recording-admin")).get(url).then().statusCode(200);
    given()
        .auth()
        .oauth2(suite.keycloak().clientToken("demo-pbx", "demo-pbx-dev-secret"))
        .get(url)
        .then()
        .statusCode(403);
  }

  @Test
  void thePhoneSystemNeverReadsConsentStateAtTheDecisionApi(Suite suite) {
    given()
        .auth()
        .oauth2(suite.keycloak().clientToken("demo-pbx", "demo-pbx-dev-secret"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                "call-recording-caller",
                "subjects",
                List.of(Map.of("type", "phone", "value", "+46701234567"))))
        .post(suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/decisions")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void auditServiceAcceptsAKeycloakAuditorAndRefusesAWritingServiceAccount(Suite suite) {
    String url = suite.service(SuiteService.AUDIT).baseUrl() + EVENTS_QUERY;
    given().auth().oauth2(user(suite, "demo-auditor")).get(url).then().statusCode(200);
    given()
        .auth()
        .oauth2(suite.keycloak().clientToken("consent-service", "consent-service-dev-secret"))
        .get(url)
        .then()
        .statusCode(403);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefusedEverywhere(Suite suite) {
    String foreign =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSIsInN1YiI6Im1hbGxvcnkiLCJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsiZHBvIl19fQ."
            + "c2lnbmF0dXJl";
    for (String url :
        new String[] {
          suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes",
          suite.service(SuiteService.RECORDING).baseUrl() + "/api/v1/channels",
          suite.service(SuiteService.AUDIT).baseUrl() + EVENTS_QUERY
        }) {
      given().auth().oauth2(foreign).get(url).then().statusCode(401);
    }
  }

  @Test
  void healthIsAnonymousOnEveryService(Suite suite) {
    for (SuiteService service : SuiteService.values()) {
      given()
          .get(suite.service(service).baseUrl() + "/q/health/ready")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"));
    }
  }

  private static String user(Suite suite, String username) {
    return suite.keycloak().userToken(username, "demo");
  }
}
