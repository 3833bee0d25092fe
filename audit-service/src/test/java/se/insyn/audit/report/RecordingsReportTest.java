package se.insyn.audit.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;

/**
 * The Laholm questions answered from the log. This is the only test class that sends sequenced
 * events for the expected emitters, and it keeps their sequences gap-free.
 */
@QuarkusTest
class RecordingsReportTest {

  private static final String RECORDER = "recording-service";

  @Inject DataSource dataSource;

  @Test
  void onlyInvestigatorsAndDposGetReports() {
    String url =
        "/api/v1/reports/recordings?channel=c&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&purpose=INCIDENT_INVESTIGATION&caseRef=T-1";
    given().get(url).then().statusCode(401);
    given().auth().oauth2(Tokens.user("a-1", "auditor")).get(url).then().statusCode(403);
    given().auth().oauth2(Tokens.client(RECORDER, "audit-writer")).get(url).then().statusCode(403);
    given().auth().oauth2(Tokens.user("d-1", "dpo")).get(url).then().statusCode(200);
  }

  @Test
  void aReportWithoutAnAllowedPurposeIsRefusedNamingIt() {
    given()
        .auth()
        .oauth2(Tokens.user("inv-1", "investigator"))
        .get(
            "/api/v1/reports/recordings?channel=c&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&purpose=GOSSIP&caseRef=T-1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", equalTo(List.of("purpose")));
  }

  @Test
  void theReportListsRecordingsAccessesAndDisposalAndSaysWhenTheLogIsComplete() throws Exception {
    String channel = "ch-" + UUID.randomUUID();
    Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String listened = "recording/" + UUID.randomUUID();
    String untouched = "recording/" + UUID.randomUUID();
    Map<String, Object> decision =
        Map.of(
            "decision", "RECORD",
            "reasons", List.of("POLICY_ALWAYS"),
            "channelId", channel,
            "policyId", "pol-1",
            "policyVersion", "3");
    Map<String, Object> access =
        event(
            RECORDER,
            "recording.played",
            listened,
            t0.plusSeconds(600),
            Map.of("reasonCode", "COMPLAINT", "reasonPurpose", "QUALITY", "caseRef", "C-17"));
    Map<String, Object> refusedAttempt =
        event(
            RECORDER,
            "recording.access.denied",
            listened,
            t0.plusSeconds(650),
            Map.of("reasonCode", "CURIOSITY", "caseRef", "-", "denial", "ROLE"));
    access.put("actor", Map.of("subject", "inv-7", "clientId", "insyn-portal"));
    sendInOrder(
        RECORDER,
        event(RECORDER, "recording.decision", listened, t0, decision),
        event(RECORDER, "recording.started", listened, t0.plusSeconds(1), Map.of()),
        event(RECORDER, "recording.stopped", listened, t0.plusSeconds(300), Map.of()),
        access,
        refusedAttempt,
        event(
            RECORDER,
            "recording.disposed",
            listened,
            t0.plusSeconds(900),
            Map.of(
                "contentHash",
                "ab12",
                "disposalDecision",
                Map.of(
                    "body",
                    "Kommunstyrelsen",
                    "registryNumber",
                    "KS 2026/112",
                    "date",
                    "2026-02-01"))),
        event(RECORDER, "recording.decision", untouched, t0.plusSeconds(60), decision),
        event(RECORDER, "recording.started", untouched, t0.plusSeconds(61), Map.of()),
        event(
            RECORDER,
            "recording.decision",
            "recording/" + UUID.randomUUID(),
            t0,
            Map.of("decision", "RECORD", "channelId", "another-channel")),
        event(RECORDER, "recording.started", "recording/late", Instant.now(), Map.of()));
    sendInOrder(
        "consent-service",
        event("consent-service", "consent.given", "consent/1", Instant.now(), Map.of()));

    String window =
        "&from=" + t0.minus(1, ChronoUnit.HOURS) + "&to=" + t0.plus(1, ChronoUnit.HOURS);
    String investigator = Tokens.user("inv-1", "investigator");
    given()
        .auth()
        .oauth2(investigator)
        .get(
            "/api/v1/reports/recordings?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&channel="
                + channel
                + window)
        .then()
        .statusCode(200)
        .body("recordings", hasSize(2))
        .body("recordings[0].subject", equalTo(listened))
        .body("recordings[0].policyVersion", equalTo("3"))
        .body("recordings[0].startedAt", equalTo(t0.plusSeconds(1).toString()))
        .body("recordings[0].stoppedAt", equalTo(t0.plusSeconds(300).toString()))
        .body("recordings[0].disposalDecision", equalTo("Kommunstyrelsen KS 2026/112 (2026-02-01)"))
        .body("recordings[0].accesses", hasSize(1))
        .body("recordings[0].accesses[0].actor", equalTo("inv-7"))
        .body("recordings[0].accesses[0].kind", equalTo("PLAYBACK"))
        .body("recordings[0].accesses[0].reason", equalTo("COMPLAINT"))
        .body("recordings[0].accesses[0].caseReference", equalTo("C-17"))
        .body("recordings[0].refusedAccesses", hasSize(1))
        .body("recordings[0].refusedAccesses[0].refusal", equalTo("ROLE"))
        .body("recordings[0].accessStatement", equalTo("ACCESSED"))
        .body("recordings[1].subject", equalTo(untouched))
        .body("recordings[1].accessStatement", equalTo("NO_ACCESS"))
        .body("completeness.complete", equalTo(true));

    String csv =
        given()
            .auth()
            .oauth2(investigator)
            .accept("text/csv")
            .get(
                "/api/v1/reports/recordings?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&channel="
                    + channel
                    + window)
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    assertThat(csv, containsString(listened + "," + channel + ",RECORD,pol-1,3,"));
    assertThat(csv, containsString(",inv-7,insyn-portal,COMPLAINT,C-17"));
    assertThat(csv, containsString(untouched + "," + channel + ",RECORD,pol-1,3,"));
    assertThat(csv, containsString("complete,true"));

    // A window that has not ended cannot be complete: an emitter may still deliver into it.
    String open =
        "&from=" + t0.minus(1, ChronoUnit.HOURS) + "&to=" + Instant.now().plus(1, ChronoUnit.DAYS);
    given()
        .auth()
        .oauth2(investigator)
        .get(
            "/api/v1/reports/recordings?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&channel="
                + channel
                + open)
        .then()
        .statusCode(200)
        .body("completeness.complete", equalTo(false))
        .body("completeness.statement", containsString("NOT proven complete"))
        .body("completeness.emitters.heardFromAfterWindow", hasItem(false))
        .body("recordings[1].accessStatement", equalTo("NO_ACCESS_FOUND_LOG_INCOMPLETE"));
  }

  @Test
  void theReportAnswersWhoConfiguredTheLineWhatWasRefusedAndWhatWasFoundOutside() throws Exception {
    String line = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String recording = "recording/" + UUID.randomUUID();
    String policy = "policy/" + UUID.randomUUID();
    String killswitch = "killswitch/" + UUID.randomUUID();
    Map<String, Object> created =
        event(
            RECORDER,
            "channel.created",
            "channel/" + line,
            t0.minus(10, ChronoUnit.DAYS),
            Map.of("kind", "LINE", "protectedClass", "null", "secrecyClass", "null"));
    created.put("actor", Map.of("subject", "admin-1", "clientId", "insyn-portal"));
    Map<String, Object> approved =
        event(
            RECORDER,
            "policy.approved",
            policy,
            t0.minus(8, ChronoUnit.DAYS),
            Map.of("version", 1, "channelIds", List.of(line), "mode", "ALWAYS"));
    approved.put("actor", Map.of("subject", "approver-2", "clientId", "insyn-portal"));
    sendInOrder(
        RECORDER,
        created,
        event(
            RECORDER, "policy.created", policy, t0.minus(9, ChronoUnit.DAYS), Map.of("version", 1)),
        approved,
        event(
            RECORDER,
            "policy.approved",
            "policy/" + UUID.randomUUID(),
            t0.minus(8, ChronoUnit.DAYS),
            Map.of("version", 1, "channelIds", List.of(other))),
        decision(recording, line, t0, "PERMIT", "h-1"),
        decision("channel/" + line, line, t0.plusSeconds(10), "DENY", "h-2"),
        decision("channel/" + line, line, t0.plusSeconds(20), "DENY", "h-1"),
        decision("channel/" + other, other, t0.plusSeconds(30), "DENY", "h-3"),
        event(
            RECORDER,
            "discovery.registered",
            "discovery/" + UUID.randomUUID(),
            t0.plusSeconds(300),
            Map.of("platform", "vendor-x", "registered", 3, "quarantined", 3)),
        event(
            RECORDER,
            "policy.suspended",
            policy,
            t0.plusSeconds(600),
            Map.of("version", 1, "reason", "review")),
        event(
            RECORDER,
            "killswitch.engaged",
            killswitch,
            t0.plusSeconds(1200),
            Map.of("allChannels", false, "channelIds", List.of(line), "reason", "leak")),
        event(
            RECORDER,
            "killswitch.released",
            killswitch,
            t0.plusSeconds(1800),
            Map.of("reason", "fixed", "engagedBy", "it-1")),
        event(
            RECORDER,
            "recording.disposed",
            recording,
            t0.plusSeconds(2400),
            Map.of("deleteAfter", "2026-12-01T00:00:00Z", "disposalDecision", "KS 2026/112")),
        event(RECORDER, "policy.retired", policy, Instant.now(), Map.of("versions", List.of(1))));

    given()
        .auth()
        .oauth2(Tokens.user("inv-2", "investigator"))
        .get(
            "/api/v1/reports/recordings?purpose=INCIDENT_INVESTIGATION&caseRef=IVO-2026-3&channel="
                + line
                + "&from="
                + t0.minus(1, ChronoUnit.HOURS)
                + "&to="
                + t0.plus(1, ChronoUnit.HOURS))
        .then()
        .statusCode(200)
        .body("recordings.subject", equalTo(List.of(recording)))
        .body("recordings[0].deleteAfter", equalTo("2026-12-01T00:00:00Z"))
        .body("recordings[0].disposalDecision", equalTo("KS 2026/112"))
        .body("refusedCalls", hasSize(1))
        .body("refusedCalls[0].channelId", equalTo(line))
        .body("refusedCalls[0].refused", equalTo(2))
        .body("distinctCallers", equalTo(2))
        .body(
            "configurationHistory.type",
            equalTo(
                List.of(
                    "channel.created",
                    "policy.created",
                    "policy.approved",
                    "policy.suspended",
                    "killswitch.engaged",
                    "killswitch.released")))
        .body("configurationHistory[0].actor", equalTo("admin-1"))
        .body("configurationHistory[2].actor", equalTo("approver-2"))
        .body("configurationHistory[2].time", equalTo(t0.minus(8, ChronoUnit.DAYS).toString()))
        .body("foundOutsideTheSuite.type", hasItem("discovery.registered"));
  }

  private static Map<String, Object> decision(
      String subject, String channel, Instant at, String decision, String callerHmac) {
    return event(
        RECORDER,
        "recording.decision",
        subject,
        at,
        Map.of(
            "decision",
            decision,
            "reasons",
            List.of("POLICY"),
            "channelId",
            channel,
            "callerHmac",
            callerHmac));
  }

  /** Sends the events one batch, numbered after the emitter's last sequence number. */
  @SafeVarargs
  private void sendInOrder(String source, Map<String, Object>... events) throws Exception {
    long next = lastSequence(source) + 1;
    Map<String, Object>[] numbered = events.clone();
    for (int i = 0; i < numbered.length; i++) {
      Map<String, Object> copy = new LinkedHashMap<>(numbered[i]);
      copy.put("sequence", next + i);
      numbered[i] = copy;
    }
    append(source, numbered);
  }

  private long lastSequence(String source) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select coalesce(max(sequence), 0) from audit_event where source = ?")) {
      s.setString(1, source);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
