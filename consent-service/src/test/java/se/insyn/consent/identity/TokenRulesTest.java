package se.insyn.consent.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import se.insyn.devstack.test.TokenRulesContract;

/** The consent-service accepts only access tokens issued for it (issue 21 items 1 and 2). */
@QuarkusTest
class TokenRulesTest extends TokenRulesContract {

  TokenRulesTest() {
    super("employee", token -> given().auth().oauth2(token).get("/api/v1/me/consents"));
  }
}
