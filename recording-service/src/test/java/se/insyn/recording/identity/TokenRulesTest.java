package se.insyn.recording.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import se.insyn.devstack.test.TokenRulesContract;

/** The recording-service accepts only access tokens issued for it (issue 21 items 1 and 2). */
@QuarkusTest
class TokenRulesTest extends TokenRulesContract {

  TokenRulesTest() {
    super("recording-admin", token -> given().auth().oauth2(token).get("/api/v1/channels"));
  }
}
