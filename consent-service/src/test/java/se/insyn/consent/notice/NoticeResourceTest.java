package se.insyn.consent.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;

@QuarkusTest
class NoticeResourceTest {

  @Inject EntityManager em;

  @Test
  void anAdminPublishesVersionsThatStayAsTheyWere() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    String hash1 =
        given()
            .auth()
            .oauth2(Tokens.user("admin-2", "consent-admin"))
            .contentType(ContentType.JSON)
            .body(Fixtures.notice(false))
            .when()
            .post("/api/v1/purposes/{code}/notices", code)
            .then()
            .statusCode(201)
            .header("Location", endsWith("/api/v1/purposes/" + code + "/notices/1"))
            .body("purpose", equalTo(code))
            .body("version", equalTo(1))
            .body("texts.sv", equalTo("Kameran är av tills du slår på den."))
            .body("limits.kind", contains("NOT_RECORDED", "NOT_USED_FOR_EVALUATION"))
            .body("controller", equalTo("Försäkringskassan"))
            .body("contact", equalTo("dataskyddsombud@example.se"))
            .body("requiresReconsent", equalTo(false))
            .body("contentHash", matchesPattern("[0-9a-f]{64}"))
            .extract()
            .path("contentHash");

    Map<String, Object> changed = new HashMap<>(Fixtures.notice(true));
    changed.put("texts", Map.of("sv", "Ny text."));
    String hash2 =
        given()
            .auth()
            .oauth2(Fixtures.admin())
            .contentType(ContentType.JSON)
            .body(changed)
            .when()
            .post("/api/v1/purposes/{code}/notices", code)
            .then()
            .statusCode(201)
            .body("version", equalTo(2))
            .body("requiresReconsent", equalTo(true))
            .extract()
            .path("contentHash");
    assertNotEquals(hash1, hash2);

    String employee = Tokens.user("officer-2", "employee");
    given()
        .auth()
        .oauth2(employee)
        .when()
        .get("/api/v1/purposes/{code}/notices/current", code)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("texts.sv", equalTo("Ny text."))
        .body("contentHash", equalTo(hash2));
    given()
        .auth()
        .oauth2(employee)
        .when()
        .get("/api/v1/purposes/{code}/notices/1", code)
        .then()
        .statusCode(200)
        .body("texts.en", equalTo("The camera is off."))
        .body("contentHash", equalTo(hash1));
    given()
        .auth()
        .oauth2(employee)
        .when()
        .get("/api/v1/purposes/{code}", code)
        .then()
        .body("currentNoticeVersion", equalTo(2));

    List<OutboxEvent> events = Fixtures.events("purpose/" + code);
    assertEquals(
        List.of("purpose.created", "notice.published", "notice.published"),
        events.stream().map(e -> e.type).toList());
    assertEquals(hash2, Fixtures.payload(events.get(2)).getString("data.contentHash"));
    assertEquals(2, Fixtures.payload(events.get(2)).getInt("data.version"));
  }

  @Test
  void theDatabaseRefusesToChangeAPublishedNotice() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery(
                                "update notice set content = '{}' where purpose_code = ?1")
                            .setParameter(1, code)
                            .executeUpdate()));
  }

  @Test
  void aNoticeWithoutSwedishIsRejected() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Map<String, Object> english = new HashMap<>(Fixtures.notice(false));
    english.put("texts", Map.of("en", "English only"));
    english.put("limits", List.of(Map.of("kind", "RETENTION", "text", Map.of("en", "30 days"))));
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .contentType(ContentType.JSON)
        .body(english)
        .when()
        .post("/api/v1/purposes/{code}/notices", code)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("texts.sv", "limits[0].text.sv"));
  }

  @Test
  void aNoticeWithoutLimitsControllerOrContactIsRejected() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("texts", Map.of("sv", "Hej"), "limits", List.of()))
        .when()
        .post("/api/v1/purposes/{code}/notices", code)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("limits"))
        .body("violations.field", hasItem("controller"))
        .body("violations.field", hasItem("contact"));
  }

  @Test
  void onlyAConsentAdminPublishes() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    for (String role : List.of("employee", "dpo", "recorder", "decision-client")) {
      given()
          .auth()
          .oauth2(Tokens.user("someone", role))
          .contentType(ContentType.JSON)
          .body(Fixtures.notice(false))
          .when()
          .post("/api/v1/purposes/{code}/notices", code)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .contentType(ContentType.JSON)
        .body(Fixtures.notice(false))
        .when()
        .post("/api/v1/purposes/{code}/notices", code)
        .then()
        .statusCode(401);
  }

  @Test
  void readingNoticesNeedsARoleOfTheSuite() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    given()
        .auth()
        .oauth2(Tokens.user("it-1", "it-operator"))
        .when()
        .get("/api/v1/purposes/{code}/notices/current", code)
        .then()
        .statusCode(403);
    given().when().get("/api/v1/purposes/{code}/notices/1", code).then().statusCode(401);
  }

  @Test
  void missingPurposesAndVersionsAreNotFound() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    String employee = Tokens.user("officer-2", "employee");
    for (String path :
        List.of(
            "/api/v1/purposes/" + code + "/notices/current",
            "/api/v1/purposes/" + code + "/notices/1",
            "/api/v1/purposes/" + code + "/notices/abc",
            "/api/v1/purposes/no-such-purpose/notices/current")) {
      given()
          .auth()
          .oauth2(employee)
          .when()
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .contentType(ContentType.JSON)
        .body(Fixtures.notice(false))
        .when()
        .post("/api/v1/purposes/{code}/notices", "no-such-purpose")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
