package se.insyn.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every kind of bad request ends as a 4xx problem+json that says what was wrong; never a 500. */
@QuarkusTest
class ProblemMappersTest {

  @Test
  void validationNamesEveryInvalidField() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"customer\":\"\",\"quantity\":0,\"items\":[{\"name\":\"a\"},{\"name\":\"\"}]}")
        .when()
        .post("/probe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo(ProblemTypes.VALIDATION))
        .body("violations.field", containsInAnyOrder("customer", "quantity", "items[1].name"));
  }

  @Test
  void aMissingBodyIsAValidationProblem() {
    given()
        .contentType(ContentType.JSON)
        .when()
        .post("/probe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void anUnknownFieldIsNamed() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"customer\":\"c\",\"quantity\":1,\"items\":[{\"name\":\"a\"}],\"recordAll\":true}")
        .when()
        .post("/probe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("recordAll"));
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"customer\":\"c\",\"quantity\":\"many\",\"items\":[{\"name\":\"a\"}]}")
        .when()
        .post("/probe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("quantity"));
  }

  @Test
  void malformedJsonIsAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"customer\":")
        .when()
        .post("/probe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo(ProblemTypes.MALFORMED_JSON));
  }

  @Test
  void aWrongContentTypeIs415() {
    given()
        .contentType(ContentType.TEXT)
        .body("hello")
        .when()
        .post("/probe")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
  }

  @Test
  void aWrongMethodIs405() {
    given().when().delete("/probe").then().statusCode(405).contentType("application/problem+json");
  }

  @Test
  void anInvalidQueryParameterIsNamed() {
    given()
        .when()
        .get("/probe?size=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("size"));
  }

  @Test
  void aDomainConflictKeepsItsStatusAndDetail() {
    given()
        .when()
        .get("/probe/conflict")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", equalTo("Already there."))
        .body("instance", equalTo("/probe/conflict"));
  }

  @Test
  void anUnexpectedFailureRevealsNothingInternal() {
    given()
        .when()
        .get("/probe/broken")
        .then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("detail", startsWith("The request could not be completed. Reference: "))
        .body(not(containsString("Foo")))
        .body(not(containsString("IllegalStateException")));
  }

  @Test
  void anUnreachableDatabaseIsA503WithRetryAfterAndNoInternals() {
    given()
        .when()
        .get("/probe/database-down")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("type", equalTo("urn:insyn:problem:unavailable"))
        .body(not(containsString("5432")))
        .body(not(containsString("SQLException")));
  }

  @Test
  void anAnonymousCallerOfAProtectedMethodIs401WithAChallenge() {
    given()
        .when()
        .get("/probe/admin")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json");
  }
}
