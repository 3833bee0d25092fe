package se.insyn.recording;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.outbox.OutboxRepository;

/** Test data made through the API, each piece unique, so tests never depend on each other. */
public final class Fixtures {

  public static final String ADMIN = "admin-" + UUID.randomUUID();
  public static final String APPROVER = "approver-" + UUID.randomUUID();

  private Fixtures() {}

  public static String adminToken() {
    return Tokens.user(ADMIN, "recording-admin");
  }

  public static String approverToken() {
    return Tokens.user(APPROVER, "policy-approver");
  }

  /** The phone system every fixture channel is served by (issue 21). */
  public static final String PLATFORM = "demo-pbx";

  public static String recorderToken() {
    return Tokens.client(PLATFORM, "recorder");
  }

  /** A unique Swedish-looking E.164 number. */
  public static String phoneNumber() {
    return "+4635" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
  }

  /** The metadata listing of a channel's recordings, as an administrator sees it (200). */
  public static ValidatableResponse listing(UUID channel) {
    return given()
        .auth()
        .oauth2(adminToken())
        .queryParam("channel", channel)
        .get("/api/v1/recordings")
        .then()
        .statusCode(200);
  }

  public static UUID channel() {
    return channel(null, null);
  }

  public static UUID channel(String protectedClass, String secrecyClass) {
    return channel(protectedClass, secrecyClass, PLATFORM);
  }

  /** A phone line served by the platform (a client id), or by none when it is null. */
  public static UUID channel(String protectedClass, String secrecyClass, String platform) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "PHONE_LINE");
    body.put("address", phoneNumber());
    body.put("name", "Line " + UUID.randomUUID());
    body.put("protectedClass", protectedClass);
    body.put("secrecyClass", secrecyClass);
    body.put("publicRecordsLine", false);
    body.put("platform", platform);
    String id =
        given()
            .auth()
            .oauth2(adminToken())
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/channels")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  /** A draft that satisfies every rule: all days, all hours, on demand, no consent asked. */
  public static Map<String, Object> validDraft(UUID... channelIds) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("controller", "Laholms kommun, kommunstyrelsen");
    d.put("purpose", "THREAT_DOCUMENTATION");
    d.put("legalBasis", "PUBLIC_TASK");
    d.put("legalReference", "Arbetsmiljölagen 3 kap. 2 §");
    d.put(
        "scope",
        new LinkedHashMap<>(
            Map.of(
                "channelIds", List.of(channelIds),
                "direction", "BOTH",
                "weekdays",
                    List.of(
                        "MONDAY",
                        "TUESDAY",
                        "WEDNESDAY",
                        "THURSDAY",
                        "FRIDAY",
                        "SATURDAY",
                        "SUNDAY"),
                "hoursFrom", "00:00",
                "hoursTo", "00:00",
                "mode", "ON_DEMAND")));
    d.put("consent", new LinkedHashMap<>(Map.of("parties", "NONE")));
    d.put("ropaId", "ROPA-2026-014");
    d.put(
        "dpia",
        new LinkedHashMap<>(
            Map.of("vulnerableSubjects", false, "largeScale", false, "newTechnology", false)));
    d.put(
        "disposal",
        new LinkedHashMap<>(
            Map.of(
                "body", "Kommunstyrelsen",
                "registryNumber", "KS 2026/112",
                "date", "2026-02-01",
                "documentType", "Inspelat samtal, hot och våld",
                "retention", "P90D")));
    d.put(
        "notice",
        new LinkedHashMap<>(
            Map.of(
                "version",
                "threat-notice-v3",
                "announcement",
                Map.of("sv", "Samtalet spelas in.", "en", "This call is recorded."))));
    d.put(
        "employees",
        new LinkedHashMap<>(
            Map.of(
                "affected", true,
                "mblReference", "MBL 2026-03-01 §7",
                "safetyRepView", "Skyddsombudet tillstyrker")));
    d.put("reviewDate", LocalDate.now().plusMonths(6).toString());
    return d;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> part(Map<String, Object> draft, String name) {
    return (Map<String, Object>) draft.get(name);
  }

  public static UUID createDraft(Map<String, Object> draft) {
    String id =
        given()
            .auth()
            .oauth2(adminToken())
            .contentType(ContentType.JSON)
            .body(draft)
            .post("/api/v1/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  public static void submit(UUID policyId) {
    given()
        .auth()
        .oauth2(adminToken())
        .post("/api/v1/policies/" + policyId + "/submit")
        .then()
        .statusCode(200);
  }

  /** Creates, submits and approves the draft; returns the policy id. */
  public static UUID activePolicy(Map<String, Object> draft) {
    UUID id = createDraft(draft);
    submit(id);
    given()
        .auth()
        .oauth2(approverToken())
        .post("/api/v1/policies/" + id + "/approve")
        .then()
        .statusCode(200);
    return id;
  }

  public static Map<String, Object> decisionRequest(UUID channelId, String callId) {
    Map<String, Object> participants = new LinkedHashMap<>();
    participants.put("callerNumber", "+46701234567");
    participants.put("employeeIds", new ArrayList<>(List.of("emp-4711")));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("channelId", channelId);
    r.put("callId", callId);
    r.put("direction", "INBOUND");
    r.put("trigger", "ON_DEMAND");
    r.put("participants", participants);
    return r;
  }

  /** Asks "may I record?" as the phone system. */
  public static ValidatableResponse decide(Map<String, Object> request) {
    return given()
        .auth()
        .oauth2(recorderToken())
        .contentType(ContentType.JSON)
        .body(request)
        .post("/api/v1/recordings")
        .then();
  }

  /** An active policy on a fresh channel that asks the caller and the employee. */
  public static UUID channelWithConsentPolicy() {
    UUID channel = channel();
    Map<String, Object> draft = validDraft(channel);
    draft.put("consent", Map.of("parties", "BOTH", "purposeCode", "call-recording-threats"));
    activePolicy(draft);
    return channel;
  }

  /** The outbox events about one subject, oldest first. */
  public static List<OutboxEvent> events(String subject) {
    OutboxRepository outbox = Arc.container().instance(OutboxRepository.class).get();
    return QuarkusTransaction.requiringNew().call(() -> outbox.listBySubject(subject));
  }

  /** The {@code data} of an audit event. */
  public static JsonNode data(OutboxEvent event) {
    try {
      return new ObjectMapper().readTree(event.payload).path("data");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> eventTypes(String subject) {
    return events(subject).stream().map(e -> e.type).toList();
  }
}
