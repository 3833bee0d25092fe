package se.insyn.bench.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.PostgresResource;
import se.insyn.devstack.test.TestIssuerResource;
import se.insyn.devstack.test.Tokens;

/** The yardstick must do what bench/README.md says: check the token and role, insert one row. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestIssuerResource.class)
class ReferenceResourceTest {

  @Inject AgroalDataSource dataSource;

  private static Map<String, Object> question(String callId) {
    return Map.of(
        "channelId", UUID.randomUUID().toString(), "callId", callId, "direction", "INBOUND");
  }

  @Test
  void aRecorderGetsAPermitAndExactlyOneRowIsInserted() throws Exception {
    String call = "call-" + UUID.randomUUID();
    String id =
        given()
            .auth()
            .oauth2(Tokens.client("demo-pbx", "recorder"))
            .contentType(ContentType.JSON)
            .body(question(call))
            .post("/api/v1/recordings")
            .then()
            .statusCode(201)
            .header("Location", notNullValue())
            .body("decision", equalTo("PERMIT"))
            .extract()
            .path("id");
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select id from decision where call_id = ?")) {
      q.setString(1, call);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(UUID.fromString(id), rs.getObject(1, UUID.class));
        assertEquals(false, rs.next());
      }
    }
  }

  @Test
  void withoutATokenIs401AndWithAnotherRole403() {
    given()
        .contentType(ContentType.JSON)
        .body(question("c"))
        .post("/api/v1/recordings")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user("someone", "recording-admin"))
        .contentType(ContentType.JSON)
        .body(question("c"))
        .post("/api/v1/recordings")
        .then()
        .statusCode(403);
  }
}
