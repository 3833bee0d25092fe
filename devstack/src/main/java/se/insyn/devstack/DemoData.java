package se.insyn.devstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo data of the README's run command, loaded through the public APIs with the demo users'
 * tokens, like any client would (never SQL): the Försäkringskassan camera purpose with its notice
 * and stated limits on use, the Laholm callers' recording purpose, the Laholm switchboard with an
 * approved threat-documentation policy (drafted by one person, approved by another) and a
 * whistleblowing line that no policy may cover. Loading again finds what is already there and
 * changes nothing.
 */
public final class DemoData {

  /** The purpose the Försäkringskassan story is about. */
  public static final String CAMERA_PURPOSE = "camera-in-video-meeting";

  /** The purpose the phone system asks callers about. */
  public static final String CALLER_PURPOSE = "call-recording-caller";

  /** Laholm's switchboard in the demo (the municipality's public number). */
  public static final String SWITCHBOARD = "+4643015000";

  /** The demo phone system's client id: it serves the demo lines (issue 21). */
  public static final String PBX = "demo-pbx";

  /** The demo whistleblowing line: protected, never recorded (R38). */
  public static final String WHISTLEBLOWING_LINE = "+4643015099";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String consent;
  private final String recording;
  private final String issuer;
  private final List<String> report = new ArrayList<>();

  private DemoData(Suite suite) {
    this.consent = suite.service(SuiteService.CONSENT).baseUrl();
    this.recording = suite.service(SuiteService.RECORDING).baseUrl();
    this.issuer = suite.issuer();
  }

  /**
   * Loads the demo data into the running suite, or finds it there from an earlier run.
   *
   * @return one line per item: what it is and whether it was created or already there
   */
  public static List<String> load(Suite suite) {
    DemoData demo = new DemoData(suite);
    demo.loadConsent();
    demo.loadRecording();
    return List.copyOf(demo.report);
  }

  private String user(String name) {
    return KeycloakServer.userToken(issuer, name, "demo");
  }

  // --- consent-service ---------------------------------------------------------------------

  private void loadConsent() {
    String admin = user("demo-consent-admin");
    purpose(
        admin,
        CAMERA_PURPOSE,
        "Kamera i videomöten",
        "Camera in video meetings",
        "EMPLOYEE",
        notice(
            "Din kamera används i videomöten med kunder bara om du själv säger ja."
                + " Du kan ändra dig när som helst.",
            "Your camera is used in video meetings with customers only if you say yes yourself."
                + " You can change your mind at any time.",
            List.of(
                limit("NOT_RECORDED", "Mötena spelas inte in.", "The meetings are not recorded."),
                limit(
                    "NOT_USED_FOR_EVALUATION",
                    "Bilden används aldrig för att bedöma eller övervaka dig.",
                    "The picture is never used to assess or monitor you.")),
            "Försäkringskassan",
            "dataskyddsombud@forsakringskassan.example"),
        "Försäkringskassan: the officer's own choice about the camera (demo-employee at /me)");
    purpose(
        admin,
        CALLER_PURPOSE,
        "Inspelning av samtal",
        "Call recording",
        "CITIZEN",
        notice(
            "Samtalet spelas in om du trycker 1.",
            "Press 1 to have the call recorded.",
            List.of(
                limit(
                    "NOT_USED_FOR_EVALUATION",
                    "Inspelningen används inte för att bedöma personal.",
                    "The recording is not used to assess staff.")),
            "Laholms kommun",
            "dataskyddsombud@laholm.example"),
        "Laholm: the caller chooses on the keypad (the phone system records the choice)");
  }

  private static Map<String, Object> limit(String kind, String sv, String en) {
    return Map.of("kind", kind, "text", Map.of("sv", sv, "en", en));
  }

  private static Map<String, Object> notice(
      String sv, String en, List<Map<String, Object>> limits, String controller, String contact) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("texts", Map.of("sv", sv, "en", en));
    n.put("limits", limits);
    n.put("controller", controller);
    n.put("contact", contact);
    n.put("requiresReconsent", false);
    return n;
  }

  private void purpose(
      String admin,
      String code,
      String titleSv,
      String titleEn,
      String subject,
      Map<String, Object> notice,
      String what) {
    Answer created =
        call(
            "POST",
            consent + "/api/v1/purposes",
            admin,
            Map.of(
                "code", code,
                "titleSv", titleSv,
                "titleEn", titleEn,
                "subjects", List.of(subject),
                "choiceModel", "OPT_IN"));
    created.expect(201, 409);
    String path = consent + "/api/v1/purposes/" + code + "/notices";
    Answer current = call("GET", path + "/current", admin, null).expect(200, 404);
    boolean published = current.status == 404;
    if (published) {
      current = call("POST", path, admin, notice).expect(201);
    }
    Object version = current.map().get("version");
    report.add(
        String.format(
            "purpose %-24s %s, OPT_IN, notice v%s with %d stated limit(s) on use (%s)%n      %s",
            code,
            subject,
            version,
            ((List<?>) notice.get("limits")).size(),
            created.status == 201 || published ? "created" : "already there",
            what));
  }

  // --- recording-service -------------------------------------------------------------------

  private void loadRecording() {
    String admin = user("demo-recording-admin");
    String approver = user("demo-policy-approver");
    Map<String, Object> switchboard =
        channel(
            admin,
            SWITCHBOARD,
            "Laholms kommun, växeln",
            null,
            "the switchboard: an officer may start a recording on a threatening call");
    String channelId = (String) switchboard.get("id");
    policy(admin, approver, channelId);
    channel(
        admin,
        WHISTLEBLOWING_LINE,
        "Visselblåsarlinjen",
        "WHISTLEBLOWING",
        "protected (WHISTLEBLOWING): no policy may cover it, every request is DENY PROTECTED_LINE");
  }

  private Map<String, Object> channel(
      String admin, String address, String name, String protectedClass, String what) {
    Map<String, Object> existing = findChannel(admin, address);
    boolean created = existing == null;
    if (created) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("kind", "PHONE_LINE");
      body.put("address", address);
      body.put("name", name);
      body.put("platform", PBX);
      if (protectedClass != null) {
        body.put("protectedClass", protectedClass);
      }
      Answer answer = call("POST", recording + "/api/v1/channels", admin, body).expect(201, 409);
      existing = answer.status == 201 ? answer.map() : findChannel(admin, address);
      created = answer.status == 201;
    }
    if (existing.get("platform") == null) {
      // A line made before lines named their platform: no platform may use it until assigned.
      existing =
          call(
                  "PUT",
                  recording + "/api/v1/channels/" + existing.get("id") + "/platform",
                  admin,
                  Map.of("platform", PBX))
              .expect(200)
              .map();
    }
    report.add(
        String.format(
            "channel %-24s %s %s (%s)%n      %s",
            existing.get("id"),
            address,
            existing.get("name"),
            created ? "created" : "already there",
            what));
    return existing;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> findChannel(String admin, String address) {
    for (Object c : call("GET", recording + "/api/v1/channels", admin, null).expect(200).list()) {
      Map<String, Object> channel = (Map<String, Object>) c;
      if ("PHONE_LINE".equals(channel.get("kind")) && address.equals(channel.get("address"))) {
        return channel;
      }
    }
    return null;
  }

  /** An ACTIVE threat-documentation policy on the channel: found, finished or made. */
  @SuppressWarnings("unchecked")
  private void policy(String admin, String approver, String channelId) {
    Map<String, Object> found = null;
    for (Object p : call("GET", recording + "/api/v1/policies", admin, null).expect(200).list()) {
      Map<String, Object> policy = (Map<String, Object>) p;
      Map<String, Object> content = (Map<String, Object>) policy.get("content");
      Map<String, Object> scope = (Map<String, Object>) content.get("scope");
      boolean ours =
          ((List<?>) scope.get("channelIds")).contains(channelId)
              && "THREAT_DOCUMENTATION".equals(content.get("purpose"));
      String status = String.valueOf(policy.get("status"));
      if (ours && List.of("ACTIVE", "SUBMITTED", "DRAFT").contains(status)) {
        found = policy;
        if ("ACTIVE".equals(status)) {
          break;
        }
      }
    }
    String state = "already there";
    if (found == null) {
      found =
          call(
                  "POST",
                  recording + "/api/v1/policies",
                  admin,
                  threatPolicy(channelId, null, "PT24H"))
              .expect(201)
              .map();
      state = "drafted by demo-recording-admin, approved by demo-policy-approver";
    }
    String id = (String) found.get("id");
    if ("DRAFT".equals(found.get("status"))) {
      call("POST", recording + "/api/v1/policies/" + id + "/submit", admin, null).expect(200);
      found.put("status", "SUBMITTED");
    }
    if ("SUBMITTED".equals(found.get("status"))) {
      found =
          call("POST", recording + "/api/v1/policies/" + id + "/approve", approver, null)
              .expect(200)
              .map();
      if (state.equals("already there")) {
        state = "approved by demo-policy-approver";
      }
    }
    report.add(
        String.format(
            "policy  %-24s %s v%s on the switchboard: THREAT_DOCUMENTATION, ON_DEMAND,"
                + " disposal after 24 h (KS 2026/112) (%s)",
            id, found.get("status"), found.get("version"), state));
  }

  /**
   * The policy draft of the Laholm stories, shared by the demo, the end-to-end stories and the
   * benchmark: threat documentation on the channel, on demand, every day and hour.
   *
   * @param consentPurpose the consent-service purpose the caller is asked for, or null for none
   * @param retention ISO-8601 duration of the disposal decision
   */
  public static Map<String, Object> threatPolicy(
      String channelId, String consentPurpose, String retention) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("controller", "Laholms kommun, kommunstyrelsen");
    d.put("purpose", "THREAT_DOCUMENTATION");
    d.put("legalBasis", "PUBLIC_TASK");
    d.put("legalReference", "Arbetsmiljölagen 3 kap. 2 §");
    d.put(
        "scope",
        Map.of(
            "channelIds", List.of(channelId),
            "direction", "BOTH",
            "weekdays",
                List.of(
                    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
            "hoursFrom", "00:00",
            "hoursTo", "00:00",
            "mode", "ON_DEMAND"));
    d.put(
        "consent",
        consentPurpose == null
            ? Map.of("parties", "NONE")
            : Map.of("parties", "CALLER", "purposeCode", consentPurpose));
    d.put("ropaId", "ROPA-2026-014");
    d.put("dpia", Map.of("vulnerableSubjects", false, "largeScale", false, "newTechnology", false));
    d.put(
        "disposal",
        Map.of(
            "body", "Kommunstyrelsen",
            "registryNumber", "KS 2026/112",
            "date", "2026-02-01",
            "documentType", "Inspelat samtal, hot och våld",
            "retention", retention));
    d.put(
        "notice",
        Map.of(
            "version",
            "threat-notice-v1",
            "announcement",
            Map.of("sv", "Samtalet spelas in.", "en", "This call is recorded.")));
    d.put(
        "employees",
        Map.of(
            "affected", true,
            "mblReference", "MBL 2026-03-01 §7",
            "safetyRepView", "Skyddsombudet tillstyrker"));
    d.put("reviewDate", LocalDate.now().plusMonths(6).toString());
    return d;
  }

  // --- HTTP --------------------------------------------------------------------------------

  private record Answer(String method, String url, int status, String body) {

    Answer expect(int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new IllegalStateException(
          method + " " + url + " answered " + status + ": " + body.strip());
    }

    Map<String, Object> map() {
      return read(new TypeReference<Map<String, Object>>() {});
    }

    List<?> list() {
      return read(new TypeReference<List<Object>>() {});
    }

    private <T> T read(TypeReference<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (IOException e) {
        throw new IllegalStateException(method + " " + url + " answered no JSON: " + body, e);
      }
    }
  }

  private static Answer call(String method, String url, String token, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(method, url, response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
