package se.insyn.audit.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.insyn.devstack.test.Tokens;

@QuarkusTest
class EventQueryTest {

  private static final String QUERY =
      "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=T-1&type=policy.approved&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
  private static final String WINDOW = "&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";

  @Test
  void withoutTokenTheCallIsRefused() {
    given().when().get(QUERY).then().statusCode(401).contentType("application/problem+json");
  }

  @Test
  void anAuditWriterMayNotRead() {
    given()
        .auth()
        .oauth2(Tokens.client("consent-service", "audit-writer"))
        .when()
        .get(QUERY)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.client("consent-service", "audit-writer"))
        .when()
        .get("/api/v1/events/" + UUID.randomUUID() + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
        .then()
        .statusCode(403);
  }

  @Test
  void everyReadingRoleMayQueryWithAPurpose() {
    for (String role : new String[] {"auditor", "investigator", "dpo"}) {
      given().auth().oauth2(Tokens.user(role + "-1", role)).get(QUERY).then().statusCode(200);
    }
  }

  @Test
  void aQueryWithoutItsFieldsNamesEachOne() {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .when()
        .get("/api/v1/events?type=x&limit=0&cursor=%%%")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("purpose"))
        .body("violations.field", hasItem("from"))
        .body("violations.field", hasItem("limit"))
        .body("violations.field", hasItem("cursor"))
        .body("status", equalTo(400));
  }

  /**
   * A malformed id is a 400, not a 404; a NUL or over-long value never reaches the service, which
   * would record the requested purpose (and PostgreSQL cannot store a NUL): a 400, never a 500.
   */
  @ParameterizedTest
  @CsvSource({
    "/api/v1/events/not-a-uuid?purpose=INTERNAL_CONTROL&caseRef=T-1, id, must be a UUID",
    "/api/v1/events?caseRef=T-1&purpose=INTERNAL_CONTROL%00, purpose, must not contain a NUL character",
    "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=T-1&subject=LONG, subject, must be at most 4096 characters"
  })
  void aMalformedNulOrOverLongParameterIsA400NamingIt(String url, String field, String message) {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .urlEncodingEnabled(false)
        .get(url.replace("LONG", "s".repeat(10_000)))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:validation"))
        .body("violations.field", contains(field))
        .body("violations[0].message", equalTo(message));
  }

  @Test
  void anUnknownPurposeIsA400NamingPurposeAndTheRefusalIsLogged() {
    String auditor = "auditor-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(Tokens.user(auditor, "auditor"))
        .get("/api/v1/events?purpose=CURIOSITY&caseRef=T-1" + WINDOW)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("purpose"));

    given()
        .auth()
        .oauth2(Tokens.user(auditor, "auditor"))
        .get(
            "/api/v1/events?purpose=SUPERVISORY_REQUEST&caseRef=T-1&type=audit.queried&actor="
                + Tokens.subjectOf(auditor)
                + WINDOW)
        .then()
        .statusCode(200)
        .body("events", hasSize(2))
        .body("events[0].source", equalTo("audit-service"))
        .body("events[0].actor.subject", equalTo(Tokens.subjectOf(auditor)))
        .body("events[0].data.outcome", equalTo("refused"))
        .body("events[0].data.requestedPurpose", equalTo("CURIOSITY"))
        .body("events[0].purpose", nullValue())
        .body("events[1].data.outcome", equalTo("answered"))
        .body("events[1].purpose", equalTo("SUPERVISORY_REQUEST"))
        .body("events[1].data.request.type", equalTo("audit.queried"));
  }

  @Test
  void readingOneEventOrLogEntriesNeedsAPurposeAndEveryReadIsLogged() {
    String source = "recording-service";
    var held = event(source, "recording.accessed", "recording/" + UUID.randomUUID());
    append(source, held);
    String investigator = "inv-" + UUID.randomUUID();
    String token = Tokens.user(investigator, "investigator");

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/events/" + held.get("id"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("purpose", "caseRef"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/events/" + held.get("id") + "?purpose=INCIDENT_INVESTIGATION&caseRef=T-1")
        .then()
        .statusCode(200)
        .body("id", equalTo(held.get("id")));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/log/entries?start=0&end=1&purpose=GOSSIP&caseRef=T-1")
        .then()
        .statusCode(400)
        .body("violations.field", contains("purpose"));
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/log/entries?start=0&end=1&purpose=SUPERVISORY_REQUEST&caseRef=T-1")
        .then()
        .statusCode(200);

    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get(
            "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=T-1&type=audit.queried&actor="
                + Tokens.subjectOf(investigator)
                + WINDOW)
        .then()
        .statusCode(200)
        .body("events", hasSize(4))
        .body(
            "events.subject",
            contains(
                "audit/events/" + held.get("id"),
                "audit/events/" + held.get("id"),
                "audit/log/entries",
                "audit/log/entries"))
        .body("events.data.outcome", contains("refused", "answered", "refused", "answered"))
        .body("events[2].data.requestedPurpose", equalTo("GOSSIP"))
        .body("events[3].purpose", equalTo("SUPERVISORY_REQUEST"));
  }

  @Test
  void oneCallIsFollowedAcrossServicesByItsTraceId() {
    String trace = UUID.randomUUID().toString().replace("-", "");
    var fromRecording =
        event("recording-service", "recording.decision", "recording/" + UUID.randomUUID());
    fromRecording.put("traceId", trace);
    var fromConsent = event("consent-service", "consent.decision", "decision/" + UUID.randomUUID());
    fromConsent.put("traceId", trace);
    append("recording-service", fromRecording);
    append("consent-service", fromConsent);
    append("consent-service", event("consent-service", "consent.decision", "decision/other"));

    given()
        .auth()
        .oauth2(Tokens.user("inv-1", "investigator"))
        .get("/api/v1/events?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&traceId=" + trace + WINDOW)
        .then()
        .statusCode(200)
        .body("events.type", contains("recording.decision", "consent.decision"))
        .body("events.traceId", contains(trace, trace));
    given()
        .auth()
        .oauth2(Tokens.user("inv-1", "investigator"))
        .get("/api/v1/events?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&traceId=%25" + WINDOW)
        .then()
        .statusCode(400)
        .body("violations.field", contains("traceId"));
  }

  @Test
  void resultsArePagedWithACursor() {
    String subject = "recording/" + UUID.randomUUID();
    String source = "recording-service";
    append(
        source,
        event(source, "recording.started", subject),
        event(source, "recording.accessed", subject),
        event(source, "recording.stopped", subject));
    String investigator = Tokens.user("inv-1", "investigator");
    String first =
        given()
            .auth()
            .oauth2(investigator)
            .get(
                "/api/v1/events?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&limit=2&subject="
                    + subject
                    + WINDOW)
            .then()
            .statusCode(200)
            .body("events.type", contains("recording.started", "recording.accessed"))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    given()
        .auth()
        .oauth2(investigator)
        .get(
            "/api/v1/events?purpose=INCIDENT_INVESTIGATION&caseRef=T-1&limit=2&subject="
                + subject
                + WINDOW
                + "&cursor="
                + first)
        .then()
        .statusCode(200)
        .body("events.type", contains("recording.stopped"))
        .body("nextCursor", nullValue());
  }
}
