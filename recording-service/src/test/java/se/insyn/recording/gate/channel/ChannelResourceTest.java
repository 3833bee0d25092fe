package se.insyn.recording.gate.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.recording.Fixtures;

@QuarkusTest
class ChannelResourceTest {

  private static Map<String, Object> line(String address) {
    return Map.of(
        "kind",
        "PHONE_LINE",
        "address",
        address,
        "name",
        "Medborgarservice",
        "secrecyClass",
        "SOCIAL_SERVICES",
        "publicRecordsLine",
        true,
        "platform",
        Fixtures.PLATFORM);
  }

  @Test
  void withoutTokenTheCallIsRefused() {
    given()
        .when()
        .get("/api/v1/channels")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(line(Fixtures.phoneNumber()))
        .post("/api/v1/channels")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void anItOperatorIsForbidden() {
    given()
        .auth()
        .oauth2(Tokens.user("it-1", "it-operator"))
        .when()
        .get("/api/v1/channels")
        .then()
        .statusCode(403)
        .body("status", equalTo(403));
  }

  @Test
  void onlyARecordingAdminRegistersChannels() {
    given()
        .auth()
        .oauth2(Tokens.user("approver-x", "policy-approver"))
        .contentType(ContentType.JSON)
        .body(line(Fixtures.phoneNumber()))
        .post("/api/v1/channels")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aRecordingAdminRegistersAChannelThatRecordsNothingYet() {
    String address = Fixtures.phoneNumber();
    String id =
        given()
            .auth()
            .oauth2(Fixtures.adminToken())
            .contentType(ContentType.JSON)
            .body(line(address))
            .post("/api/v1/channels")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/channels/" + id)
        .then()
        .statusCode(200)
        .body("address", equalTo(address))
        .body("secrecyClass", equalTo("SOCIAL_SERVICES"))
        .body("publicRecordsLine", equalTo(true))
        .body("platform", equalTo(Fixtures.PLATFORM));
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/channels")
        .then()
        .statusCode(200)
        .body("id", hasItem(id));
    assertEquals(List.of("channel.created"), Fixtures.eventTypes("channel/" + id));

    // R3: a new channel records nothing.
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType(ContentType.JSON)
        .body(Fixtures.decisionRequest(UUID.fromString(id), "call-" + UUID.randomUUID()))
        .post("/api/v1/recordings")
        .then()
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", equalTo(List.of("NO_APPROVED_POLICY")));
  }

  @Test
  void aPhoneLineNeedsAnE164Number() {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(line("035-137000"))
        .post("/api/v1/channels")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("address"));
  }

  @Test
  void aProtectedClassOutsideTheListIsRefused() {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "kind",
                "PHONE_LINE",
                "address",
                Fixtures.phoneNumber(),
                "name",
                "x",
                "protectedClass",
                "SALES"))
        .post("/api/v1/channels")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theSameAddressTwiceIsAConflict() {
    String address = Fixtures.phoneNumber();
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(line(address))
        .post("/api/v1/channels")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(line(address))
        .post("/api/v1/channels")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void anUnknownChannelIsNotFound() {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/channels/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
