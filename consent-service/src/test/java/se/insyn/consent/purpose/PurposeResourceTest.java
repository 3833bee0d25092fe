package se.insyn.consent.purpose;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;

@QuarkusTest
class PurposeResourceTest {

  @Inject PurposeRepository purposes;

  @Test
  void withoutTokenTheCallIsRefusedWithAProblem() {
    given()
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .contentType("application/problem+json")
        .body("status", equalTo(401))
        .body("type", equalTo("urn:insyn:problem:unauthenticated"));
  }

  @Test
  void anExpiredTokenIsRefused() {
    given()
        .auth()
        .oauth2(Tokens.expired("officer-1", "employee"))
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aTokenNotSignedByTheIssuerIsRefused() {
    String token = Tokens.user("officer-1", "employee");
    String forged =
        token.substring(0, token.lastIndexOf('.') + 1)
            + "AAAA"
            + token.substring(token.lastIndexOf('.') + 5);
    given()
        .auth()
        .oauth2(forged)
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aRoleWithoutBusinessHereIsForbidden() {
    given()
        .auth()
        .oauth2(Tokens.user("it-1", "it-operator"))
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:forbidden"));
  }

  @Test
  void anEmployeeSeesThePurposes() {
    String code = "camera-" + UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Purpose p = new Purpose();
              p.code = code;
              p.titleSv = "Kamera i webbmöte";
              p.titleEn = "Camera in video meeting";
              p.concernsEmployees = true;
              p.choiceModel = Purpose.ChoiceModel.OPT_IN;
              purposes.persist(p);
            });
    given()
        .auth()
        .oauth2(Tokens.user("officer-1", "employee"))
        .when()
        .get("/api/v1/purposes")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("code", hasItem(code));
  }

  @Test
  void anAdminCreatesAPurposeAndTheAuditTrailSaysSo() {
    String code = Fixtures.newCode("call-recording-caller");
    given()
        .auth()
        .oauth2(Tokens.user("admin-1", "consent-admin"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code", code,
                "titleSv", "Inspelning av samtal",
                "titleEn", "Call recording",
                "subjects", List.of("CITIZEN", "EMPLOYEE"),
                "choiceModel", "OPT_IN"))
        .when()
        .post("/api/v1/purposes")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/purposes/" + code))
        .body("code", equalTo(code))
        .body("subjects", contains("EMPLOYEE", "CITIZEN"))
        .body("choiceModel", equalTo("OPT_IN"))
        .body("currentNoticeVersion", nullValue());

    given()
        .auth()
        .oauth2(Tokens.user("officer-1", "employee"))
        .when()
        .get("/api/v1/purposes/{code}", code)
        .then()
        .statusCode(200)
        .body("titleEn", equalTo("Call recording"));

    List<OutboxEvent> events = Fixtures.events("purpose/" + code);
    assertEquals(List.of("purpose.created"), events.stream().map(e -> e.type).toList());
    assertEquals(
        Tokens.subjectOf("admin-1"), Fixtures.payload(events.get(0)).getString("actor.subject"));
    assertEquals("OPT_IN", Fixtures.payload(events.get(0)).getString("data.choiceModel"));
  }

  @Test
  void aDuplicateCodeIsAConflict() {
    String code = Fixtures.purpose("OPT_OUT", "EMPLOYEE");
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "titleSv",
                "Igen",
                "subjects",
                List.of("EMPLOYEE"),
                "choiceModel",
                "OPT_IN"))
        .when()
        .post("/api/v1/purposes")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:conflict"));
    assertEquals(List.of("purpose.created"), Fixtures.eventTypes("purpose/" + code));
  }

  @Test
  void anInvalidPurposeIsRejectedFieldByField() {
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .contentType(ContentType.JSON)
        .body(Map.of("code", "Has Spaces", "titleSv", " ", "subjects", List.of()))
        .when()
        .post("/api/v1/purposes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", containsInAnyOrder("choiceModel", "code", "subjects", "titleSv"));
  }

  @Test
  void anUnknownSubjectKindOrChoiceModelIsABadRequest() {
    given()
        .auth()
        .oauth2(Fixtures.admin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                Fixtures.newCode("x"),
                "titleSv",
                "X",
                "subjects",
                List.of("MANAGER"),
                "choiceModel",
                "OPT_IN"))
        .when()
        .post("/api/v1/purposes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void onlyAConsentAdminCreatesPurposes() {
    Map<String, Object> body =
        Map.of(
            "code",
            Fixtures.newCode("x"),
            "titleSv",
            "X",
            "subjects",
            List.of("EMPLOYEE"),
            "choiceModel",
            "OPT_IN");
    for (String role : List.of("employee", "dpo", "recorder", "manager")) {
      given()
          .auth()
          .oauth2(Tokens.user("someone", role))
          .contentType(ContentType.JSON)
          .body(body)
          .when()
          .post("/api/v1/purposes")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/purposes")
        .then()
        .statusCode(401);
  }

  @Test
  void anUnknownPurposeIsNotFound() {
    given()
        .auth()
        .oauth2(Tokens.user("officer-1", "employee"))
        .when()
        .get("/api/v1/purposes/{code}", "no-such-purpose")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
