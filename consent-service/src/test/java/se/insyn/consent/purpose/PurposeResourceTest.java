package se.insyn.consent.purpose;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.devstack.test.Tokens;

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
}
