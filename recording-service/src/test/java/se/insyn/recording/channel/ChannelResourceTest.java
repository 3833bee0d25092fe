package se.insyn.recording.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.recording.channel.repository.Channel;
import se.insyn.recording.channel.repository.ChannelRepository;

@QuarkusTest
class ChannelResourceTest {

  @Inject ChannelRepository channels;

  @Test
  void withoutTokenTheCallIsRefused() {
    given()
        .when()
        .get("/api/v1/channels")
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
  void aRecordingAdminSeesTheChannels() {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Channel c = new Channel();
              c.id = id;
              c.kind = Channel.Kind.PHONE_LINE;
              c.address = "+4635" + (System.nanoTime() % 1_000_000);
              c.name = "Medborgarservice";
              channels.persist(c);
            });
    given()
        .auth()
        .oauth2(Tokens.user("admin-1", "recording-admin"))
        .when()
        .get("/api/v1/channels")
        .then()
        .statusCode(200)
        .body("id", hasItem(id.toString()));
  }
}
