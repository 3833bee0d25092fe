package se.insyn.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Laholm, done right: a threat-documentation policy decided by two people (R4, R9), a recording an
 * officer asks for on a threatening call with the announcement first (R20), access only with a
 * reason of the policy's purpose (R8, R50), disposal at the end of the decided retention by
 * crypto-shredding with a receipt (R44), and an investigator who can see all of it in the log (R60,
 * R61), which verifies (R58).
 */
@ExtendWith(SuiteExtension.class)
@DisplayName(
    "Laholm, rätt gjort: beslutad policy, inspelning på begäran, åtkomst med skäl, gallring och"
        + " en rapport som visar allt")
class LaholmDoneRightIT {

  private static final Duration DELIVERY = Duration.ofSeconds(90);

  /**
   * Short enough to be disposed of during the test, long enough that the packaged service's
   * disposal job (every 60 s) cannot dispose of it before the reviewer has listened.
   */
  private static final String RETENTION = "PT20S";

  /** The retention plus one full disposal interval of the packaged service, plus slack. */
  private static final Duration DISPOSAL = Duration.ofSeconds(20 + 60 + 40);

  @Test
  void aThreateningCallIsRecordedOnDemandHeardWithAReasonDisposedOfAndAccountedFor(Suite suite) {
    Narration story = Narration.of("Laholm, rätt gjort");
    InsynClient insyn =
        new InsynClient(
            suite.service(SuiteService.CONSENT).baseUrl(),
            suite.service(SuiteService.RECORDING).baseUrl(),
            suite.service(SuiteService.AUDIT).baseUrl());
    var keycloak = suite.keycloak();
    String lead = keycloak.userToken("demo-policy-lead", "demo");
    String approver = keycloak.userToken("demo-policy-approver", "demo");
    String pbx = keycloak.clientToken("demo-pbx", "demo-pbx-dev-secret");
    String reviewer = keycloak.userToken("demo-reviewer", "demo");
    String itOperator = keycloak.userToken("demo-it-operator", "demo");
    String investigator = keycloak.userToken("demo-investigator", "demo");
    String auditor = keycloak.userToken("demo-auditor", "demo");
    Instant from = Instant.now().minusSeconds(1);

    String channel = insyn.channel(lead, "Kontaktcenter, hot och våld");
    story.step("Kontaktcentrets linje %s läggs upp; den spelar inte in något (R3).", channel);

    String policy = insyn.submittedPolicy(lead, InsynClient.threatPolicy(channel, null, RETENTION));
    story.step(
        "demo-policy-lead utformar och lämnar in en policy THREAT_DOCUMENTATION, ON_DEMAND,"
            + " gallring efter %s (KS 2026/112).",
        RETENTION);

    insyn
        .approve(lead, policy)
        .then()
        .statusCode(403)
        .contentType(containsString("application/problem+json"))
        .body("detail", containsString("author"));
    story.step("Författaren försöker godkänna sin egen policy: 403 (fyra ögon, R4).");

    insyn.approve(approver, policy).then().statusCode(200).body("status", equalTo("ACTIVE"));
    story.step("demo-policy-approver godkänner: policyn är ACTIVE.");

    Response decision = insyn.mayIRecord(pbx, channel, InsynClient.phoneNumber(), "ON_DEMAND");
    decision
        .then()
        .statusCode(201)
        .body("decision", equalTo("PERMIT"))
        .body("policyId", equalTo(policy))
        .body("announcement.sv", equalTo("Samtalet spelas in."))
        .body("deleteAfter", notNullValue());
    String recording = decision.path("id");
    Instant to = Instant.now();
    story.step(
        "Handläggaren trycker \"spela in\" på ett hotfullt samtal: PERMIT, med meddelandet"
            + " \"%s\" att spela upp först; gallras efter %s.",
        decision.path("announcement.sv"), decision.path("deleteAfter"));

    byte[] call = wav();
    insyn.uploadContent(pbx, recording, call).then().statusCode(409);
    story.step("Innehåll innan meddelandet spelats upp och inspelningen startat: 409 (R20).");
    insyn.recordingCall(pbx, recording, "started").then().statusCode(200);
    insyn.recordingCall(pbx, recording, "stop").then().statusCode(200);
    insyn
        .uploadContent(pbx, recording, call)
        .then()
        .statusCode(201)
        .body("state", equalTo("SEALED"))
        .body("sealIntact", equalTo(true));
    story.step(
        "Meddelandet spelas, inspelningen startar och slutar; %d byte krypteras och förseglas.",
        call.length);

    byte[] heard =
        insyn
            .playback(reviewer, recording, "THREAT_INVESTIGATION", "AM 2026/77")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(call, heard, "the reviewer hears exactly what was recorded");
    story.step("demo-reviewer lyssnar med skäl THREAT_INVESTIGATION och ärende AM 2026/77: 200.");

    insyn
        .playback(itOperator, recording, "THREAT_INVESTIGATION", "IT-2026/5")
        .then()
        .statusCode(403)
        .contentType(containsString("application/problem+json"));
    story.step("demo-it-operator försöker lyssna: 403, och försöket loggas.");

    // Disposal has two steps: the key is destroyed (410 from then on), then the bytes are deleted
    // and the receipt written. Wait for the receipt, not only for the 410.
    Response gone =
        Eventually.within(
            DISPOSAL,
            () -> insyn.contentFacts(lead, recording),
            r ->
                r.statusCode() != 200
                    && (r.statusCode() != 410 || r.jsonPath().get("receipt") != null));
    gone.then()
        .statusCode(410)
        .body("receipt.recordingId", equalTo(recording))
        .body("receipt.disposalDecision.registryNumber", equalTo("KS 2026/112"))
        .body("receipt.executor", equalTo("system"));
    assertNotNull(gone.path("receipt.contentHash"));
    story.step(
        "Efter gallringsfristen har gallringsjobbet förstört nyckeln och raderat innehållet: 410"
            + " med kvitto (%s, %s).",
        gone.path("receipt.disposalDecision.registryNumber"), gone.path("receipt.disposedAt"));
    insyn
        .playback(reviewer, recording, "THREAT_INVESTIGATION", "AM 2026/77")
        .then()
        .statusCode(410);
    story.step("Att lyssna igen går inte: 410.");

    JsonPath report =
        Eventually.within(
            DELIVERY,
            () ->
                insyn
                    .recordingsReport(investigator, channel, from, to)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath(),
            r -> r.getString("recordings[0].disposedAt") != null);
    assertEquals(1, report.getList("recordings").size(), report.prettify());
    assertEquals("recording/" + recording, report.getString("recordings[0].subject"));
    assertEquals("PERMIT", report.getString("recordings[0].decision"));
    assertEquals(policy, report.getString("recordings[0].policyId"));
    assertNotNull(report.getString("recordings[0].startedAt"), report.prettify());
    story.step(
        "Utredarens rapport för perioden: inspelningen %s, policy %s, startad %s, gallrad %s.",
        recording,
        report.getString("recordings[0].policyId"),
        report.getString("recordings[0].startedAt"),
        report.getString("recordings[0].disposedAt"));

    // Who reached it: the log holds the one playback and the refused attempt, with reasons.
    List<Map<String, Object>> about =
        insyn
            .events(
                investigator,
                "INCIDENT_INVESTIGATION",
                null,
                "recording/" + recording,
                from,
                Instant.now().plusSeconds(60))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events");
    List<Map<String, Object>> played = ofType(about, "recording.played");
    List<Map<String, Object>> refused = ofType(about, "recording.access.denied");
    List<Map<String, Object>> disposed = ofType(about, "recording.disposed");
    assertEquals(1, played.size(), about.toString());
    assertEquals(1, refused.size(), about.toString());
    assertEquals(1, disposed.size(), about.toString());
    assertEquals("AM 2026/77", data(played.get(0)).get("caseRef"));
    assertEquals("THREAT_INVESTIGATION", data(played.get(0)).get("reasonCode"));
    assertEquals(
        "KS 2026/112",
        ((Map<?, ?>) data(disposed.get(0)).get("disposalDecision")).get("registryNumber"));
    story.step(
        "I loggen om inspelningen: en uppspelning (%s, %s), ett nekat försök, ett gallringskvitto.",
        data(played.get(0)).get("reasonCode"), data(played.get(0)).get("caseRef"));
    assertEquals(1, report.getList("recordings[0].accesses").size(), report.prettify());
    assertEquals("AM 2026/77", report.getString("recordings[0].accesses[0].caseReference"));
    assertEquals(1, report.getList("recordings[0].refusedAccesses").size(), report.prettify());
    assertTrue(
        report.getString("recordings[0].disposalDecision").contains("KS 2026/112"),
        report.prettify());
    assertEquals("ACCESSED", report.getString("recordings[0].accessStatement"));
    story.step(
        "Rapporten: en åtkomst (%s, ärende %s, av %s), ett nekat försök (%s), gallrad enligt %s.",
        report.getString("recordings[0].accesses[0].reason"),
        report.getString("recordings[0].accesses[0].caseReference"),
        report.getString("recordings[0].accesses[0].actor"),
        report.getString("recordings[0].refusedAccesses[0].refusal"),
        report.getString("recordings[0].disposalDecision"));

    JsonPath verified = insyn.verifyLog(auditor);
    assertTrue(verified.getBoolean("consistent"), verified.prettify());
    story.done(
        "Revisionsloggen verifieras: konsistent över %d poster.", verified.getLong("treeSize"));
  }

  private static List<Map<String, Object>> ofType(List<Map<String, Object>> events, String type) {
    return events.stream().filter(e -> type.equals(e.get("type"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  /** A short WAV-like body: a RIFF header and random samples. */
  private static byte[] wav() {
    byte[] samples = new byte[96_000];
    ThreadLocalRandom.current().nextBytes(samples);
    byte[] header = "RIFF----WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[header.length + samples.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(samples, 0, all, header.length, samples.length);
    return all;
  }
}
