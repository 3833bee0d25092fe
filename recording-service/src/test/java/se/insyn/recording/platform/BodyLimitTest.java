package se.insyn.recording.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.insyn.recording.Fixtures;

/**
 * Bad or huge input cannot hurt the service (issue 20 item 8): a JSON body above
 * insyn.recording.limits.max-json-body (256 KiB by default) is a 413 problem, declared or chunked,
 * while recording content still streams far larger bodies (ContentTest).
 */
@QuarkusTest
class BodyLimitTest {

  @TestHTTPResource("/api/v1/channels")
  URI channels;

  /** A channel whose name alone is the given number of bytes. */
  private static String channelOfSize(int bytes) {
    return "{\"kind\":\"PHONE_LINE\",\"address\":\"+46701234567\",\"publicRecordsLine\":false,"
        + "\"name\":\""
        + "x".repeat(bytes)
        + "\"}";
  }

  @Test
  void aDeclaredJsonBodyAboveTheCapIsA413Problem() {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(channelOfSize(300 * 1024))
        .post("/api/v1/channels")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413))
        .body("detail", containsString("insyn.recording.limits.max-json-body"));
  }

  @Test
  void aChunkedJsonBodyIsCutOffAtTheCap() throws Exception {
    byte[] body = channelOfSize(300 * 1024).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(channels)
                    .header("Authorization", "Bearer " + Fixtures.adminToken())
                    .header("Content-Type", "application/json")
                    // No length: the body arrives chunked.
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").contains("problem+json"),
        response.headers().toString());
  }

  @Test
  void aJsonBodyBelowTheCapIsRead() {
    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("channelIds", List.of(), "reason", "x".repeat(3000)))
        .post("/api/v1/kill-switch")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("reason"));
  }
}
