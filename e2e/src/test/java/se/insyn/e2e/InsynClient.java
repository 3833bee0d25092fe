package se.insyn.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import se.insyn.devstack.DemoData;

/**
 * The suite's public API as its clients call it, over HTTP only: each method is one documented call
 * (or a short sequence a user would make) with the caller's token.
 */
final class InsynClient {

  /** The demo phone system: it serves every line these tests make (issue 21). */
  static final String PBX = "demo-pbx";

  final String consent;
  final String recording;
  final String audit;

  InsynClient(String consent, String recording, String audit) {
    this.consent = consent;
    this.recording = recording;
    this.audit = audit;
  }

  static String phoneNumber() {
    return "+4643" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  // --- consent-service ---------------------------------------------------------------------

  /** Creates a purpose (consent-admin) and publishes its first notice; returns the code. */
  String purposeWithNotice(String consentAdmin, String prefix, String subject, String model) {
    String code = prefix + "-" + shortId();
    given()
        .auth()
        .oauth2(consentAdmin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                code,
                "titleSv",
                "Inspelning av samtal",
                "titleEn",
                "Call recording",
                "subjects",
                List.of(subject),
                "choiceModel",
                model))
        .post(consent + "/api/v1/purposes")
        .then()
        .statusCode(201);
    given()
        .auth()
        .oauth2(consentAdmin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "texts",
                Map.of("sv", "Samtalet spelas in om du trycker 1.", "en", "Press 1 to record."),
                "limits",
                List.of(
                    Map.of(
                        "kind",
                        "NOT_USED_FOR_EVALUATION",
                        "text",
                        Map.of("sv", "Inspelningen används inte för att bedöma personal."))),
                "controller",
                "Laholms kommun",
                "contact",
                "dataskyddsombud@laholm.example",
                "requiresReconsent",
                false))
        .post(consent + "/api/v1/purposes/" + code + "/notices")
        .then()
        .statusCode(201);
    return code;
  }

  /** The phone system records a caller's "yes" pressed on the keypad; returns the response. */
  Response callerConsents(String pbx, String purpose, String phone) {
    return given()
        .auth()
        .oauth2(pbx)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                purpose,
                "noticeVersion",
                1,
                "choice",
                "GIVEN",
                "scope",
                "STANDING",
                "subject",
                Map.of("type", "phone", "value", phone),
                "mechanism",
                "DTMF",
                "interactionId",
                "call-" + UUID.randomUUID()))
        .post(consent + "/api/v1/consents");
  }

  // --- recording-service -------------------------------------------------------------------

  String channel(String recordingAdmin, String name) {
    return channelServedBy(recordingAdmin, name, PBX);
  }

  /** A phone line served by the given platform client: only it may ask "may I record?" there. */
  String channelServedBy(String recordingAdmin, String name, String platform) {
    return createdChannel(
        recordingAdmin,
        Map.of("kind", "PHONE_LINE", "address", phoneNumber(), "name", name, "platform", platform));
  }

  private String createdChannel(String recordingAdmin, Map<String, Object> channel) {
    return given()
        .auth()
        .oauth2(recordingAdmin)
        .contentType(ContentType.JSON)
        .body(channel)
        .post(recording + "/api/v1/channels")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The Laholm policy draft ({@link DemoData#threatPolicy}). */
  static Map<String, Object> threatPolicy(
      String channelId, String consentPurpose, String retention) {
    return DemoData.threatPolicy(channelId, consentPurpose, retention);
  }

  /**
   * A line of the phone system with an approved policy that asks callers about the purpose, so that
   * the phone system may record callers' choices for it (issue 21). Returns the channel id.
   */
  String pbxLineAsking(String author, String approver, String purpose) {
    String channel = channel(author, "Linje för " + purpose);
    approvedPolicy(author, approver, threatPolicy(channel, purpose, "PT24H"));
    return channel;
  }

  /** Drafts (author), submits (author) and approves (a second person); returns the policy id. */
  String approvedPolicy(String author, String approver, Map<String, Object> draft) {
    String id =
        given()
            .auth()
            .oauth2(author)
            .contentType(ContentType.JSON)
            .body(draft)
            .post(recording + "/api/v1/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(author)
        .post(recording + "/api/v1/policies/" + id + "/submit")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(approver)
        .post(recording + "/api/v1/policies/" + id + "/approve")
        .then()
        .statusCode(200);
    return id;
  }

  /** "May I record?" as the phone system asks it for an incoming call. */
  Response mayIRecord(String pbx, String channelId, String callerNumber, String trigger) {
    Map<String, Object> participants = new LinkedHashMap<>();
    participants.put("callerNumber", callerNumber);
    return given()
        .auth()
        .oauth2(pbx)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "channelId", channelId,
                "callId", "call-" + UUID.randomUUID(),
                "direction", "INBOUND",
                "trigger", trigger,
                "participants", participants))
        .post(recording + "/api/v1/recordings");
  }

  // --- audit-service -----------------------------------------------------------------------

  /** Every event in the log, in log order, read page by page with a stated purpose. */
  List<Map<String, Object>> allEvents(String auditor) {
    List<Map<String, Object>> all = new ArrayList<>();
    String cursor = null;
    do {
      var request =
          given()
              .auth()
              .oauth2(auditor)
              .queryParam("purpose", "INTERNAL_CONTROL")
              .queryParam("caseRef", "E2E-2026-1")
              .queryParam("from", "2000-01-01T00:00:00Z")
              .queryParam("to", "2100-01-01T00:00:00Z")
              .queryParam("limit", 1000);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request.get(audit + "/api/v1/events").then().statusCode(200).extract().jsonPath();
      all.addAll(page.getList("events"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return all;
  }

  JsonPath verifyLog(String auditor) {
    return given()
        .auth()
        .oauth2(auditor)
        .post(audit + "/api/v1/log/verify")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  // --- added for the story scenarios ---------------------------------------------------------

  /**
   * The name the services know a user by: the token's sub (Keycloak's user id), never the user name
   * (issue 21 item 3). Platforms name employees by it in decision requests.
   */
  static String principalName(String token) {
    String payload = token.split("\\.")[1];
    String subject =
        JsonPath.from(
                new String(
                    java.util.Base64.getUrlDecoder().decode(payload),
                    java.nio.charset.StandardCharsets.UTF_8))
            .getString("sub");
    if (subject == null) {
      throw new IllegalStateException("token names nobody");
    }
    return subject;
  }

  /** A channel of the given kind, optionally protected (R38); answers the response. */
  Response newChannel(String recordingAdmin, String kind, String name, String protectedClass) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("address", kind.startsWith("PHONE") ? phoneNumber() : "box-" + shortId());
    body.put("name", name);
    body.put("platform", PBX);
    if (protectedClass != null) {
      body.put("protectedClass", protectedClass);
    }
    return given()
        .auth()
        .oauth2(recordingAdmin)
        .contentType(ContentType.JSON)
        .body(body)
        .post(recording + "/api/v1/channels");
  }

  /** Creates a policy draft (recording-admin) and submits it; returns the policy id. */
  String submittedPolicy(String author, Map<String, Object> draft) {
    String id =
        given()
            .auth()
            .oauth2(author)
            .contentType(ContentType.JSON)
            .body(draft)
            .post(recording + "/api/v1/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(author)
        .post(recording + "/api/v1/policies/" + id + "/submit")
        .then()
        .statusCode(200);
    return id;
  }

  Response approve(String approver, String policyId) {
    return given()
        .auth()
        .oauth2(approver)
        .post(recording + "/api/v1/policies/" + policyId + "/approve");
  }

  /** A recorder's lifecycle call on a recording: {@code started} or {@code stop}. */
  Response recordingCall(String recorder, String recordingId, String call) {
    return given()
        .auth()
        .oauth2(recorder)
        .post(recording + "/api/v1/recordings/" + recordingId + "/" + call);
  }

  Response uploadContent(String recorder, String recordingId, byte[] content) {
    return given()
        .auth()
        .oauth2(recorder)
        .contentType("audio/wav")
        .body(content)
        .put(recording + "/api/v1/recordings/" + recordingId + "/content");
  }

  Response contentFacts(String token, String recordingId) {
    return given()
        .auth()
        .oauth2(token)
        .get(recording + "/api/v1/recordings/" + recordingId + "/content");
  }

  Response playback(String token, String recordingId, String reasonCode, String caseRef) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("reasonCode", reasonCode, "caseRef", caseRef))
        .post(recording + "/api/v1/recordings/" + recordingId + "/playback");
  }

  /** Recording metadata on a channel (never content), as an admin lists it. */
  List<Map<String, Object>> recordingsOn(String token, String channelId) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("channel", channelId)
        .get(recording + "/api/v1/recordings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  Response engageKillSwitch(String token, String reason, List<String> channelIds) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason, "channelIds", channelIds))
        .post(recording + "/api/v1/kill-switch");
  }

  Response releaseKillSwitch(String token, String engagementId, String reason) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post(recording + "/api/v1/kill-switch/" + engagementId + "/release");
  }

  /** Publishes a notice with the given Swedish text and stated limits on use; returns it. */
  JsonPath publishNotice(
      String consentAdmin, String purpose, String textSv, List<Map<String, Object>> limits) {
    return given()
        .auth()
        .oauth2(consentAdmin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "texts",
                Map.of("sv", textSv),
                "limits",
                limits,
                "controller",
                "Försäkringskassan",
                "contact",
                "dataskyddsombud@forsakringskassan.example",
                "requiresReconsent",
                false))
        .post(consent + "/api/v1/purposes/" + purpose + "/notices")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** The decision API as the recording-service asks it, for employees named by their token name. */
  JsonPath decideForEmployee(String decisionClient, String purpose, String employee) {
    return given()
        .auth()
        .oauth2(decisionClient)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                purpose,
                "subjects",
                List.of(Map.of("type", "employee", "value", employee))))
        .post(consent + "/api/v1/decisions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Audit events of one type (and optionally one subject) in a window, with a purpose. */
  Response events(
      String token,
      String purpose,
      String type,
      String subject,
      java.time.Instant from,
      java.time.Instant to) {
    var request =
        given()
            .auth()
            .oauth2(token)
            .queryParam("purpose", purpose)
            .queryParam("caseRef", "E2E-2026-1")
            .queryParam("from", from.toString())
            .queryParam("to", to.toString())
            .queryParam("limit", 1000);
    if (type != null) {
      request.queryParam("type", type);
    }
    if (subject != null) {
      request.queryParam("subject", subject);
    }
    return request.get(audit + "/api/v1/events");
  }

  Response recordingsReport(
      String token, String channelId, java.time.Instant from, java.time.Instant to) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("channel", channelId)
        .queryParam("from", from.toString())
        .queryParam("to", to.toString())
        .queryParam("purpose", "INCIDENT_INVESTIGATION")
        .queryParam("caseRef", "E2E-2026-1")
        .get(audit + "/api/v1/reports/recordings");
  }
}
