package se.insyn.devstack.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite-wide rules every service keeps, as tests a service inherits in a {@code @QuarkusTest}:
 * anonymous health, metrics and API document; a token for every {@code /api} operation; its problem
 * responses documented; problems, not empty pages, for unknown paths.
 */
public abstract class PlatformContract {

  /** The title the service's OpenAPI document must carry, e.g. "Insyn consent-service". */
  protected abstract String apiTitle();

  @Test
  void readinessChecksTheDatabaseWithoutAToken() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")));
  }

  @Test
  void metricsAndTheApiDocumentAreAnonymous() {
    given().when().get("/q/metrics").then().statusCode(200);
    given()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("info.title", equalTo(apiTitle()))
        .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"));
  }

  @Test
  void everyApiOperationRequiresAToken() {
    String base = RestAssured.baseURI + ":" + RestAssured.port;
    assertEquals(List.of(), ApiContract.operationsNotRequiringAToken(base));
  }

  @Test
  void everyApiOperationDocumentsItsProblemResponses() {
    String base = RestAssured.baseURI + ":" + RestAssured.port;
    assertEquals(List.of(), ApiContract.problemResponsesMissing(base));
  }

  @Test
  void anUnknownApiPathIsAProblemNotAnEmptyPage() {
    given()
        .auth()
        .oauth2(Tokens.user("someone", "dpo"))
        .when()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
