package se.insyn.audit.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import se.insyn.devstack.test.TokenRulesContract;

/** The audit-service accepts only access tokens issued for it (issue 21 items 1 and 2). */
@QuarkusTest
class TokenRulesTest extends TokenRulesContract {

  TokenRulesTest() {
    super(
        "auditor",
        token ->
            given()
                .auth()
                .oauth2(token)
                .queryParam("purpose", "INTERNAL_CONTROL")
                .queryParam("caseRef", "T-1")
                .queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2027-01-01T00:00:00Z")
                .get("/api/v1/events"));
  }
}
