package se.insyn.audit.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.insyn.devstack.test.TokenRulesContract;

/** The audit-service accepts only access tokens issued for it (issue 21 items 1 and 2). */
@QuarkusTest
class TokenRulesTest extends TokenRulesContract {

  @Override
  protected String role() {
    return "auditor";
  }

  @Override
  protected Response call(String token) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("purpose", "INTERNAL_CONTROL")
        .queryParam("from", "2026-01-01T00:00:00Z")
        .queryParam("to", "2027-01-01T00:00:00Z")
        .when()
        .get("/api/v1/events");
  }
}
