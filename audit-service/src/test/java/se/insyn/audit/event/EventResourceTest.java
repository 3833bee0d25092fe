package se.insyn.audit.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;

@QuarkusTest
class EventResourceTest {

  private static final String QUERY =
      "/api/v1/events?purpose=INTERNAL_CONTROL&type=policy.approved&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

  @Test
  void withoutTokenTheCallIsRefused() {
    given().when().get(QUERY).then().statusCode(401).contentType("application/problem+json");
  }

  @Test
  void anAuditWriterMayNotRead() {
    given()
        .auth()
        .oauth2(Tokens.client("consent-service", "audit-writer"))
        .when()
        .get(QUERY)
        .then()
        .statusCode(403);
  }

  @Test
  void anAuditorMayQueryWithAPurpose() {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .when()
        .get(QUERY)
        .then()
        .statusCode(200);
  }

  @Test
  void aQueryWithoutItsFieldsNamesEachOne() {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .when()
        .get("/api/v1/events?type=x")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("purpose"))
        .body("violations.field", hasItem("from"))
        .body("status", equalTo(400));
  }
}
