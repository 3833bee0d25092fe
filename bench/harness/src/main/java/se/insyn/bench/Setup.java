package se.insyn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import se.insyn.devstack.DemoData;
import se.insyn.devstack.SuiteService;

/**
 * Data the load needs, made through the services' APIs with the roles a real organisation would use
 * (the same shapes as the services' own test fixtures).
 */
final class Setup {

  private Setup() {}

  /**
   * A published opt-out purpose for citizens: every decision for a fresh number is PERMIT
   * (NOT_OBJECTED), after the consent-service has looked for an objection.
   */
  static String optOutPurpose(Stack stack) {
    String admin = stack.user("bench-consent-admin", "consent-admin");
    String consent = stack.url(SuiteService.CONSENT);
    String code = "bench-call-recording-" + UUID.randomUUID().toString().substring(0, 8);
    Api.post(
        consent + "/api/v1/purposes",
        admin,
        Map.of(
            "code",
            code,
            "titleSv",
            "Inspelning av samtal (benchmark)",
            "subjects",
            List.of("CITIZEN"),
            "choiceModel",
            "OPT_OUT"),
        201);
    Api.post(
        consent + "/api/v1/purposes/" + code + "/notices",
        admin,
        Map.of(
            "texts",
            Map.of("sv", "Samtalet kan spelas in.", "en", "This call may be recorded."),
            "limits",
            List.of(
                Map.of(
                    "kind",
                    "NOT_USED_FOR_EVALUATION",
                    "text",
                    Map.of("sv", "Används inte för att bedöma personal."))),
            "controller",
            "Benchmark kommun",
            "contact",
            "dataskyddsombud@example.se",
            "requiresReconsent",
            false),
        201);
    return code;
  }

  /**
   * A phone line with an approved policy that asks the consent-service about the caller: drafted by
   * a recording-admin, approved by a different person (four eyes). Returns the channel id.
   */
  static String channelWithPolicy(Stack stack, String purposeCode) {
    String recording = stack.url(SuiteService.RECORDING);
    String admin = stack.user("bench-recording-admin", "recording-admin");
    String approver = stack.user("bench-policy-approver", "policy-approver");
    String channel =
        Api.post(
                recording + "/api/v1/channels",
                admin,
                Map.of(
                    "kind",
                    "PHONE_LINE",
                    "address",
                    "+4635" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L),
                    "name",
                    "Benchmark line " + UUID.randomUUID(),
                    "publicRecordsLine",
                    false,
                    "platform",
                    DemoData.PBX),
                201)
            .path("id")
            .asText();
    Map<String, Object> draft = DemoData.threatPolicy(channel, purposeCode, "P90D");
    String policy = Api.post(recording + "/api/v1/policies", admin, draft, 201).path("id").asText();
    Api.post(recording + "/api/v1/policies/" + policy + "/submit", admin, Map.of(), 200);
    Api.post(recording + "/api/v1/policies/" + policy + "/approve", approver, Map.of(), 200);
    return channel;
  }

  /** The decision request body as a Hyperfoil pattern: a fresh call id and caller each time. */
  static String decisionPattern(String channelId) {
    return "{\"channelId\":\""
        + channelId
        + "\",\"callId\":\"bench-${call}\",\"direction\":\"INBOUND\",\"trigger\":\"ON_DEMAND\","
        + "\"participants\":{\"callerNumber\":\"+4670${number}\"}}";
  }

  /**
   * A recording as a phone system leaves it before uploading its content: PERMITted (asked until
   * the answer is PERMIT, see {@link #awaitPermit}), started once the notice has played (R20) and
   * stopped when the call ended. Returns its id.
   */
  static String capturedRecording(Stack stack, String channelId) throws InterruptedException {
    String recording = stack.url(SuiteService.RECORDING);
    String recorder = stack.client("demo-pbx", "recorder");
    String id = awaitPermit(recording, recorder, channelId).path("id").asText();
    Api.post(recording + "/api/v1/recordings/" + id + "/started", recorder, Map.of(), 200);
    Api.post(recording + "/api/v1/recordings/" + id + "/stop", recorder, Map.of(), 200);
    return id;
  }

  /**
   * Asks until the answer is PERMIT, at most for a minute: a freshly started service's first
   * decisions may be DECISION_UNAVAILABLE while its consent client warms up (JIT, first token),
   * which is the fail-closed answer (R2), not an error. Returns the PERMIT answer (the new
   * recording's id and more).
   */
  static JsonNode awaitPermit(String baseUrl, String token, String channelId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      String body =
          decisionPattern(channelId)
              .replace("${call}", UUID.randomUUID().toString())
              .replace("${number}", "1234567");
      JsonNode answer = Api.post(baseUrl + "/api/v1/recordings", token, body, 0);
      if ("PERMIT".equals(answer.path("decision").asText())) {
        return answer;
      }
      last = answer.toString();
      Thread.sleep(500);
    }
    throw new IllegalStateException("no PERMIT within a minute; last answer " + last);
  }
}
