package se.insyn.recording.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.insyn.devstack.test.TokenRulesContract;

/** The recording-service accepts only access tokens issued for it (issue 21 items 1 and 2). */
@QuarkusTest
class TokenRulesTest extends TokenRulesContract {

  @Override
  protected String role() {
    return "recording-admin";
  }

  @Override
  protected Response call(String token) {
    return given().auth().oauth2(token).when().get("/api/v1/channels");
  }
}
