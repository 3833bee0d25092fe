package se.insyn.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Setting up data through the services' APIs, as their users would, before load starts. */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api() {}

  /**
   * POSTs {@code body} as JSON and returns the answer; anything but {@code expected} fails (0: any
   * 2xx).
   */
  static JsonNode post(String url, String token, Object body, int expected) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body)))
            .build(),
        expected);
  }

  /** PUTs {@code body} as raw bytes of {@code contentType}, e.g. a recording's content. */
  static JsonNode put(String url, String token, String contentType, byte[] body, int expected) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        expected);
  }

  static JsonNode get(String url, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        200);
  }

  /** Like {@link #get}, but empty when there is nothing at the URL yet (404). */
  static java.util.Optional<JsonNode> find(String url, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return java.util.Optional.ofNullable(send(request, 200, true));
  }

  private static JsonNode send(HttpRequest request, int expected) {
    return send(request, expected, false);
  }

  private static JsonNode send(HttpRequest request, int expected, boolean absentIsNull) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (absentIsNull && response.statusCode() == 404) {
        return null;
      }
      boolean ok =
          expected == 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
      if (!ok) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ", expected "
                + expected
                + ": "
                + response.body());
      }
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object value) {
    try {
      return value instanceof String s ? s : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
