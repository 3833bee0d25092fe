package se.insyn.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A malformed path or query parameter is the same 400 validation problem everywhere, naming the
 * parameter and never showing its value or a class name; never a 404 or a 500.
 */
@QuarkusTest
class ParameterProblemsTest {

  @Test
  void wellFormedTypedParametersAreConverted() {
    given()
        .when()
        .get("/probe/typed?limit=5&from=2026-11-01T00:00:00Z&colour=RED&day=2026-11-01")
        .then()
        .statusCode(200)
        .body(equalTo("5 2026-11-01T00:00:00Z RED 2026-11-01"));
    String id = "0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11";
    given().when().get("/probe/items/" + id).then().statusCode(200).body(equalTo(id));
  }

  @ParameterizedTest
  @CsvSource({
    "/probe/typed?limit=abc, limit, abc",
    "/probe/typed?limit=99999999999, limit, 99999999999",
    "/probe/typed?from=notadate, from, notadate",
    "/probe/typed?day=2026-13-45, day, 2026-13-45",
    "/probe/typed?colour=PURPLE, colour, PURPLE",
    "/probe/items/not-a-uuid, id, not-a-uuid",
    "/probe/names/a%00b, name, a\u0000b",
    "/probe/names/ok?q=a%00b, q, a\u0000b",
  })
  void aMalformedParameterIsA400NamingIt(String url, String parameter, String value) {
    invalid(url)
        .body("violations[0].field", equalTo(parameter))
        .body("detail", containsString("'" + parameter + "'"))
        .body("detail", not(containsString(value)))
        .body("violations[0].message", not(containsString(value)));
  }

  @Test
  void anUnknownEnumValueListsTheAllowedOnesWithoutTheClassName() {
    invalid("/probe/typed?colour=%3Cscript%3E")
        .body("violations[0].message", equalTo("must be one of RED, GREEN"))
        .body(not(containsString("Colour")))
        .body(not(containsString("<script>")));
  }

  @Test
  void aTypeLeftToRestEasyIsStillA400() {
    invalid("/probe/period?p=notaperiod").body("detail", not(containsString("notaperiod")));
  }

  @ParameterizedTest
  @CsvSource({"/probe/names/ok?q=, q", "/probe/names/, name"})
  void anOverLongValueIsA400NamingIt(String prefix, String parameter) {
    invalid(prefix + "x".repeat(10_000))
        .body("violations[0].field", equalTo(parameter))
        .body("violations[0].message", equalTo("must be at most 4096 characters"));
  }

  @Test
  void aValueAtTheLimitIsAccepted() {
    given().when().get("/probe/names/ok?q=" + "x".repeat(1000)).then().statusCode(200);
  }

  private static ValidatableResponse invalid(String url) {
    return given()
        .urlEncodingEnabled(false)
        .when()
        .get(url)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo(ProblemTypes.VALIDATION))
        .body("status", equalTo(400))
        .body(not(containsString("Exception")))
        .body(not(containsString("java.")));
  }
}
