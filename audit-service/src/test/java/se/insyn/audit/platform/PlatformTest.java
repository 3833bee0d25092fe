package se.insyn.audit.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.ApiContract;
import se.insyn.devstack.test.Tokens;

/** The suite-wide rules every service keeps: anonymous operational endpoints, tokens for /api. */
@QuarkusTest
class PlatformTest {

  @TestHTTPResource URL base;

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
        .body("info.title", equalTo("Insyn audit-service"))
        .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"));
  }

  @Test
  void everyApiOperationRequiresAToken() {
    String url = base.toString().replaceAll("/$", "");
    List<String> offenders = ApiContract.operationsNotRequiringAToken(url);
    assertEquals(List.of(), offenders);
  }

  @Test
  void anUnknownApiPathIsAProblemNotAnEmptyPage() {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .when()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
