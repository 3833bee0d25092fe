package se.insyn.audit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import se.insyn.devstack.test.Tokens;

/** Builds events the way emitters send them and posts them with a real service-account token. */
public final class AuditApi {

  /**
   * Sequence numbers for test-only sources. The expected emitters (consent-service,
   * recording-service) are sent unsequenced, except by the report test, which keeps them gap-free.
   */
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private AuditApi() {}

  public static long nextSequence() {
    return SEQUENCE.incrementAndGet();
  }

  public static Map<String, Object> event(
      String source, String type, String subject, Instant time, Map<String, Object> data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", UUID.randomUUID().toString());
    event.put("source", source);
    event.put("type", type);
    event.put("time", time.toString());
    event.put("actor", Map.of("subject", "service-account-" + source, "clientId", source));
    event.put("subject", subject);
    event.put("data", data);
    return event;
  }

  /** The event with the next test sequence number. */
  public static Map<String, Object> sequenced(Map<String, Object> event) {
    Map<String, Object> copy = new LinkedHashMap<>(event);
    copy.put("sequence", nextSequence());
    return copy;
  }

  public static Map<String, Object> event(String source, String type, String subject) {
    return event(source, type, subject, Instant.now(), Map.of("note", "x"));
  }

  public static ValidatableResponse post(String source, List<Map<String, Object>> events) {
    return given()
        .auth()
        .oauth2(Tokens.client(source, "audit-writer"))
        .contentType(ContentType.JSON)
        .body(Map.of("events", events))
        .when()
        .post("/api/v1/events")
        .then();
  }

  /** Appends the events and returns them. */
  @SafeVarargs
  public static List<Map<String, Object>> append(String source, Map<String, Object>... events) {
    List<Map<String, Object>> list = new ArrayList<>(List.of(events));
    post(source, list).statusCode(200);
    return list;
  }
}
