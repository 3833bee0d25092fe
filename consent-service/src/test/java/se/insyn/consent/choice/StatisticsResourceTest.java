package se.insyn.consent.choice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.Tokens;

@QuarkusTest
class StatisticsResourceTest {

  @Test
  void smallCountsAreSuppressed() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    for (int i = 0; i < 3; i++) {
      Fixtures.own("officer-" + UUID.randomUUID(), code, 1, "REFUSED");
    }
    for (int i = 0; i < 6; i++) {
      Fixtures.own("officer-" + UUID.randomUUID(), code, 1, "GIVEN");
    }
    given()
        .auth()
        .oauth2(Tokens.user("dpo-1", "dpo"))
        .when()
        .get("/api/v1/purposes/{code}/statistics", code)
        .then()
        .statusCode(200)
        .body("purpose", equalTo(code))
        .body("minimumCount", equalTo(5))
        .body("counts.state", containsInAnyOrder("GIVEN", "REFUSED"))
        .body("counts.find { it.state == 'REFUSED' }.count", equalTo("<5"))
        .body("counts.find { it.state == 'GIVEN' }.count", equalTo("6"))
        .body("counts.find { it.state == 'GIVEN' }.noticeVersion", equalTo(1));
  }

  @Test
  void onlyTheChoiceInForceOfEachPersonIsCounted() {
    String code = Fixtures.purpose("OPT_OUT", "EMPLOYEE");
    Fixtures.publish(code, false);
    List<String> officers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String officer = "officer-" + UUID.randomUUID();
      officers.add(officer);
      Fixtures.own(officer, code, 1, "GIVEN");
      Fixtures.own(officer, code, 1, "REFUSED");
    }
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .when()
        .get("/api/v1/purposes/{code}/statistics", code)
        .then()
        .statusCode(200)
        .body("counts.state", containsInAnyOrder("REFUSED"))
        .body("counts[0].count", equalTo("5"))
        .body(not(containsString(officers.get(0))));
  }

  @Test
  void aManagerCannotFindOutWhoSaidNo() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String officer = "officer-" + UUID.randomUUID();
    String refusal = Fixtures.own(officer, code, 1, "REFUSED");
    String manager = Tokens.user("boss-" + UUID.randomUUID(), "manager");

    given()
        .auth()
        .oauth2(manager)
        .when()
        .get("/api/v1/purposes/{code}/statistics", code)
        .then()
        .statusCode(403);
    given().auth().oauth2(manager).when().get("/api/v1/me/consents").then().statusCode(403);
    given()
        .auth()
        .oauth2(manager)
        .when()
        .get("/api/v1/consents/{id}", refusal)
        .then()
        .statusCode(403);
    // A manager who is also an employee sees only their own choices, never their staff's.
    String managerAndEmployee = Tokens.user("boss-" + UUID.randomUUID(), "manager", "employee");
    given()
        .auth()
        .oauth2(managerAndEmployee)
        .when()
        .get("/api/v1/me/consents")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    given()
        .auth()
        .oauth2(managerAndEmployee)
        .when()
        .get("/api/v1/consents/{id}", refusal)
        .then()
        .statusCode(404);
  }

  @Test
  void statisticsAreForConsentAdminsAndTheDpoOnly() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    for (String role : List.of("employee", "recorder", "decision-client", "manager")) {
      given()
          .auth()
          .oauth2(Tokens.user("someone", role))
          .when()
          .get("/api/v1/purposes/{code}/statistics", code)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given().when().get("/api/v1/purposes/{code}/statistics", code).then().statusCode(401);
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .when()
        .get("/api/v1/purposes/{code}/statistics", "no-such-purpose")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
