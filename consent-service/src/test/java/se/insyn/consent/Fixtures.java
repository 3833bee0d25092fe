package se.insyn.consent;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.outbox.OutboxRepository;

/** Sets up test data through the API, as its users would, each time with fresh identifiers. */
public final class Fixtures {

  private Fixtures() {}

  public static String admin() {
    return Tokens.user("admin-" + UUID.randomUUID(), "consent-admin");
  }

  /** The phone system of these tests; the channels it serves use every purpose about citizens. */
  public static final String PLATFORM = "demo-pbx";

  public static String recorder() {
    return Tokens.client(PLATFORM, "recorder");
  }

  /** A fresh phone number in E.164 form. */
  public static String phoneNumber() {
    return "+4670" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }

  public static String newCode(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /**
   * Creates a purpose and returns its code. A purpose about citizens is one that a policy of a
   * channel of {@link #PLATFORM} asks callers about, as the recording-service says (issue 21).
   */
  public static String purpose(String choiceModel, String... subjects) {
    String code = newCode("purpose");
    given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "titleSv",
                "Ändamål",
                "subjects",
                List.of(subjects),
                "choiceModel",
                choiceModel))
        .when()
        .post("/api/v1/purposes")
        .then()
        .statusCode(201);
    if (List.of(subjects).contains("CITIZEN")) {
      RecordingServiceStub.serve(PLATFORM, code);
    }
    return code;
  }

  public static Map<String, Object> notice(boolean requiresReconsent) {
    return Map.of(
        "texts",
        Map.of("sv", "Kameran är av tills du slår på den.", "en", "The camera is off."),
        "limits",
        List.of(
            Map.of("kind", "NOT_RECORDED", "text", Map.of("sv", "Vi spelar inte in.")),
            Map.of(
                "kind",
                "NOT_USED_FOR_EVALUATION",
                "text",
                Map.of("sv", "Används inte för att bedöma personal."))),
        "controller",
        "Försäkringskassan",
        "contact",
        "dataskyddsombud@example.se",
        "requiresReconsent",
        requiresReconsent);
  }

  /** Publishes the purpose's next notice version and returns its number. */
  public static int publish(String code, boolean requiresReconsent) {
    return given()
        .auth()
        .oauth2(admin())
        .contentType(ContentType.JSON)
        .body(notice(requiresReconsent))
        .when()
        .post("/api/v1/purposes/{code}/notices", code)
        .then()
        .statusCode(201)
        .extract()
        .path("version");
  }

  /** An employee records their own standing choice; returns its id. */
  public static String own(String employee, String code, int version, String choice) {
    return given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose", code, "noticeVersion", version, "choice", choice, "scope", "STANDING"))
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A recorder records a caller's standing choice made by DTMF; returns its id. */
  public static String forPhone(String phone, String code, int version, String choice) {
    return forPhoneBy(recorder(), phone, code, version, choice)
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A platform (its recorder token) records a caller's standing choice made by DTMF. */
  public static ValidatableResponse forPhoneBy(
      String platform, String phone, String code, int version, String choice) {
    return given()
        .auth()
        .oauth2(platform)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                code,
                "noticeVersion",
                version,
                "choice",
                choice,
                "scope",
                "STANDING",
                "subject",
                Map.of("type", "phone", "value", phone),
                "mechanism",
                "DTMF",
                "interactionId",
                "call-" + UUID.randomUUID()))
        .when()
        .post("/api/v1/consents")
        .then();
  }

  /** Asks for a decision as the recording-service would; subjects as type, value, type, value… */
  public static ValidatableResponse decide(String code, String sessionId, String... subjects) {
    List<Map<String, String>> list = new ArrayList<>();
    for (int i = 0; i < subjects.length; i += 2) {
      list.add(Map.of("type", subjects[i], "value", subjects[i + 1]));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("purpose", code);
    body.put("subjects", list);
    if (sessionId != null) {
      body.put("sessionId", sessionId);
    }
    return given()
        .auth()
        .oauth2(Tokens.client("recording-service", "decision-client"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/decisions")
        .then()
        .statusCode(200);
  }

  /** The audit events in the outbox about a subject, oldest first. */
  public static List<OutboxEvent> events(String subject) {
    OutboxRepository outbox = CDI.current().select(OutboxRepository.class).get();
    return QuarkusTransaction.requiringNew().call(() -> outbox.listBySubject(subject));
  }

  /** An event's JSON payload, for reading fields with paths like {@code data.subjectRef}. */
  public static JsonPath payload(OutboxEvent event) {
    return JsonPath.from(event.payload);
  }

  public static List<String> eventTypes(String subject) {
    return events(subject).stream().map(e -> e.type).toList();
  }
}
