package se.insyn.audit.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;
import static se.insyn.audit.AuditApi.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.insyn.audit.TestDatabase;
import se.insyn.devstack.test.Tokens;

/**
 * R39, R41: source tracing is refused by what a read selects, whatever purpose it states; every
 * read names a purpose and a case; each refusal is recorded and flagged to the DPO.
 */
@QuarkusTest
class SourceTracingTest {

  private static final String RS = "recording-service";

  @Inject DataSource dataSource;

  /** A window of its own, so that what other tests append is not selected. */
  private static Instant ownWindow() {
    return Instant.parse("2040-01-01T00:00:00Z")
        .plus(ThreadLocalRandom.current().nextLong(1, 5_000_000), ChronoUnit.MINUTES);
  }

  private static String window(Instant start) {
    return "&from=" + start + "&to=" + start.plus(1, ChronoUnit.MINUTES);
  }

  private static String protectedLine(Instant at) {
    String channel = UUID.randomUUID().toString();
    append(
        RS,
        event(
            RS,
            "channel.created",
            "channel/" + channel,
            at,
            Map.of("kind", "LINE", "protectedClass", "WHISTLEBLOWING", "secrecyClass", "null")));
    return channel;
  }

  private static Map<String, Object> decision(String channel, Instant at, String direction) {
    return event(
        RS,
        "recording.decision",
        "channel/" + channel,
        at,
        Map.of(
            "decision",
            "DENY",
            "reasons",
            List.of("PROTECTED_LINE"),
            "channelId",
            channel,
            "callId",
            "call-" + UUID.randomUUID(),
            "direction",
            direction,
            "trigger",
            "AUTOMATIC"));
  }

  /** The flags the DPO sees about one reader's refused reads, oldest first. */
  private static List<Map<String, Object>> flagsOf(String reader) {
    List<Map<String, Object>> mine = new ArrayList<>();
    long after = -1;
    while (true) {
      List<Map<String, Object>> page =
          given()
              .auth()
              .oauth2(Tokens.user("dpo-1", "dpo"))
              .get("/api/v1/flags?purpose=INTERNAL_CONTROL&caseRef=DPO-2026-7&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("$");
      if (page.isEmpty()) {
        return mine;
      }
      for (Map<String, Object> flag : page) {
        if (Tokens.subjectOf(reader).equals(flag.get("actor"))) {
          mine.add(flag);
        }
        after = ((Number) flag.get("leafIndex")).longValue();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> rules(List<Map<String, Object>> flags) {
    return flags.stream().map(f -> ((Map<String, Object>) f.get("data")).get("rule")).toList();
  }

  @Test
  void aReadWithoutCaseReferenceIsA400NamingItAndTheRule() {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/events?purpose=INTERNAL_CONTROL" + window(ownWindow()))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("caseRef"))
        .body("violations.message", hasItem(containsString("R39")));
    given()
        .auth()
        .oauth2(Tokens.user("inv-1", "investigator"))
        .get(
            "/api/v1/reports/recordings?purpose=INCIDENT_INVESTIGATION&channel=c"
                + window(ownWindow()))
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("caseRef"));
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/log/entries?start=0&end=1&purpose=INTERNAL_CONTROL&caseRef=%20")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("caseRef"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INTERNAL_CONTROL", "INCIDENT_INVESTIGATION", "SUPERVISORY_REQUEST"})
  void aQueryNamingAProtectedLineIsRefusedWhateverItsPurposeAndFlagged(String purpose) {
    Instant at = ownWindow();
    String channel = protectedLine(at);
    append(RS, decision(channel, at, "INBOUND"));
    String reader = "auditor-" + UUID.randomUUID();

    given()
        .auth()
        .oauth2(Tokens.user(reader, "auditor"))
        .get(
            "/api/v1/events?purpose="
                + purpose
                + "&caseRef=AU-1&subject=channel/"
                + channel
                + window(at))
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("R41"))
        .body("detail", containsString("flagged to the DPO"));

    List<Map<String, Object>> flags = flagsOf(reader);
    assertThat(rules(flags), equalTo(List.of("PROTECTED_LINE")));
    assertThat(flags.get(0).get("reason"), equalTo("SOURCE_TRACING_REFUSED"));
    assertThat(flags.get(0).get("source"), equalTo("audit-service"));
  }

  @Test
  void aBroadQueryNeverReturnsAProtectedLinesTraffic() {
    Instant at = ownWindow();
    String channel = protectedLine(at);
    append(RS, decision(channel, at, "INBOUND"));
    String open = UUID.randomUUID().toString();
    append(RS, decision(open, at, "INBOUND"));

    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=AU-2" + window(at))
        .then()
        .statusCode(200)
        .body("events.subject", hasItem("channel/" + open))
        .body("events.type", hasItem("channel.created"))
        .body(
            "events.findAll { it.type == 'recording.decision' }.subject",
            not(hasItem("channel/" + channel)));
  }

  @Test
  void oneEventAReportAndLogEntriesOnAProtectedLineAreRefused() throws Exception {
    Instant at = ownWindow();
    String channel = protectedLine(at);
    Map<String, Object> deny = decision(channel, at, "INBOUND");
    append(RS, deny);
    String reader = "inv-" + UUID.randomUUID();
    String token = Tokens.user(reader, "investigator");

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/events/" + deny.get("id") + "?purpose=INCIDENT_INVESTIGATION&caseRef=AU-3")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(token)
        .get(
            "/api/v1/reports/recordings?purpose=INCIDENT_INVESTIGATION&caseRef=AU-3&channel="
                + channel
                + window(at))
        .then()
        .statusCode(403)
        .body("detail", containsString(channel));
    long leaf = TestDatabase.leafIndexOf(dataSource, (String) deny.get("id"));
    given()
        .auth()
        .oauth2(token)
        .get(
            "/api/v1/log/entries?purpose=INCIDENT_INVESTIGATION&caseRef=AU-3&start="
                + leaf
                + "&end="
                + (leaf + 5))
        .then()
        .statusCode(403);

    assertThat(
        rules(flagsOf(reader)),
        equalTo(List.of("PROTECTED_LINE", "PROTECTED_LINE", "PROTECTED_LINE")));
  }

  @Test
  void aSweepOfOutboundCallsOfMoreLinesThanTheBoundIsRefused() {
    Instant at = ownWindow();
    List<Map<String, Object>> calls = new ArrayList<>();
    for (int line = 0; line < 4; line++) {
      calls.add(decision(UUID.randomUUID().toString(), at, "OUTBOUND"));
    }
    post(RS, calls.subList(0, 3)).statusCode(200);
    String reader = "auditor-" + UUID.randomUUID();
    String query =
        "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=AU-4&type=recording.decision" + window(at);
    given().auth().oauth2(Tokens.user(reader, "auditor")).get(query).then().statusCode(200);

    post(RS, calls.subList(3, 4)).statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.user(reader, "auditor"))
        .get(query)
        .then()
        .statusCode(403)
        .body("detail", containsString("outbound-call metadata of 4 lines"));
    assertThat(rules(flagsOf(reader)), equalTo(List.of("OUTBOUND_SWEEP")));
  }

  @Test
  void aQuerySelectingMoreRowsThanAllowedIsRefused() {
    Instant at = ownWindow();
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i <= 500; i++) {
      many.add(
          event(RS, "policy.created", "policy/" + UUID.randomUUID(), at, Map.of("version", 1)));
    }
    post(RS, many).statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=AU-5&limit=10" + window(at))
        .then()
        .statusCode(403)
        .body("detail", containsString("501 events, more than 500"));
  }

  @Test
  void onlyTheDpoListsFlags() {
    for (String role : new String[] {"auditor", "investigator", "witness"}) {
      given()
          .auth()
          .oauth2(Tokens.user(role + "-1", role))
          .get("/api/v1/flags?purpose=INTERNAL_CONTROL&caseRef=DPO-1")
          .then()
          .statusCode(403);
    }
    given()
        .auth()
        .oauth2(Tokens.user("dpo-1", "dpo"))
        .get("/api/v1/flags?purpose=INTERNAL_CONTROL")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("caseRef"));
  }
}
