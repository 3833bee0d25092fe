package se.insyn.audit.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.audit.AuditApi.event;
import static se.insyn.audit.AuditApi.post;
import static se.insyn.audit.AuditApi.sequenced;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.audit.log.service.LookUpWindow;
import se.insyn.devstack.test.Tokens;

@QuarkusTest
class EventIngestTest {

  private static final String SOURCE = "ingest-test-emitter";

  private static long leafIndex(Map<String, Object> event) {
    return given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/events/" + event.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("leafIndex");
  }

  @Test
  void withoutTokenIngestIsRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("events", List.of(event(SOURCE, "consent.given", "consent/1"))))
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void anAuditorMayNotWrite() {
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .contentType(ContentType.JSON)
        .body(Map.of("events", List.of(event(SOURCE, "consent.given", "consent/1"))))
        .when()
        .post("/api/v1/events")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aBatchIsStoredAndCanBeReadBackWithItsLeafIndex() {
    String subject = "consent/" + UUID.randomUUID();
    Map<String, Object> first =
        sequenced(
            event(SOURCE, "consent.given", subject, Instant.now(), Map.of("purposeId", "p-1")));
    Map<String, Object> second = event(SOURCE, "consent.withdrawn", subject);
    post(SOURCE, List.of(first, second))
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(0))
        .body("treeSize", notNullValue());

    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .when()
        .get("/api/v1/events/" + first.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
        .then()
        .statusCode(200)
        .body("id", equalTo(first.get("id")))
        .body("source", equalTo(SOURCE))
        .body("sequence", equalTo(((Long) first.get("sequence")).intValue()))
        .body("type", equalTo("consent.given"))
        .body("subject", equalTo(subject))
        .body("actor.clientId", equalTo(SOURCE))
        .body("data.purposeId", equalTo("p-1"))
        .body("leafIndex", notNullValue());
  }

  @Inject MeterRegistry registry;

  /**
   * Append transactions written again with a look-up of stored events, read once groups are taken
   * to be new again (a while after the last second write, maybe by another test).
   */
  private double rewritten() {
    LookUpWindow.awaitPassed();
    return registry.counter("insyn.audit.append.rewritten").count();
  }

  @Test
  void resendingABatchIsANoOpThatSucceeds() {
    List<Map<String, Object>> batch =
        List.of(event(SOURCE, "consent.given", "consent/" + UUID.randomUUID()));
    double before = rewritten();
    post(SOURCE, batch).statusCode(200).body("accepted", equalTo(1));
    assertEquals(before, rewritten(), "new events are written without a look-up, once");
    post(SOURCE, batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
    assertEquals(before + 1, rewritten(), "the stored id was found by the insert, then looked up");
  }

  @Test
  void aBatchMixingStoredAndNewIdsStoresOnlyTheNewOnesAndKeepsTheOldIndices() {
    Map<String, Object> old1 = event(SOURCE, "consent.given", "consent/" + UUID.randomUUID());
    Map<String, Object> old2 = sequenced(event(SOURCE, "consent.given", "consent/mixed"));
    post(SOURCE, List.of(old1, old2)).statusCode(200).body("accepted", equalTo(2));
    long old1Index = leafIndex(old1);
    long old2Index = leafIndex(old2);

    Map<String, Object> new1 = event(SOURCE, "consent.withdrawn", "consent/" + UUID.randomUUID());
    Map<String, Object> new2 = sequenced(event(SOURCE, "consent.given", "consent/mixed"));
    // old2 is re-sent with its sequence number: a duplicate, not a sequence conflict.
    post(SOURCE, List.of(old1, new1, old2, new2, new1))
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(3));

    assertEquals(old1Index, leafIndex(old1));
    assertEquals(old2Index, leafIndex(old2));
    long new1Index = leafIndex(new1);
    assertEquals(new1Index + 1, leafIndex(new2), "the new events are appended in batch order");
    assertTrue(new1Index > old2Index);
  }

  @Test
  void anInvalidEventRejectsTheWholeBatchNamingTheField() {
    Map<String, Object> good = event(SOURCE, "consent.given", "consent/" + UUID.randomUUID());
    Map<String, Object> bad = new HashMap<>(event(SOURCE, "consent.given", "consent/x"));
    bad.remove("type");
    bad.put("time", null);
    bad.put("traceId", "not-a-trace");
    post(SOURCE, List.of(good, bad))
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field", hasItems("events[1].type", "events[1].time", "events[1].traceId"));

    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .when()
        .get("/api/v1/events/" + good.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void emptyAndOversizedBatchesAreRefused() {
    post(SOURCE, List.of()).statusCode(400).body("violations.field", hasItem("events"));
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(event(SOURCE, "consent.given", "consent/many"));
    }
    post(SOURCE, tooMany).statusCode(400).body("violations.field", hasItem("events"));
  }

  @Test
  void anEmitterWritesOnlyAsItself() {
    post(SOURCE, List.of(event("recording-service", "recording.started", "recording/1")))
        .statusCode(400)
        .body("violations.field", hasItem("events[0].source"));
  }

  @Test
  void fractionalNumbersInDataAreRefusedByPath() {
    Map<String, Object> e =
        event(
            SOURCE, "consent.given", "consent/n", Instant.now(), Map.of("share", Map.of("x", 1.5)));
    post(SOURCE, List.of(e))
        .statusCode(400)
        .body("violations.field", hasItem("events[0].data.share.x"));
  }

  @Test
  void aSequenceNumberCannotBeUsedTwice() {
    Map<String, Object> first = sequenced(event(SOURCE, "consent.given", "consent/seq"));
    post(SOURCE, List.of(first)).statusCode(200);
    Map<String, Object> clash = new HashMap<>(event(SOURCE, "consent.given", "consent/seq"));
    clash.put("sequence", first.get("sequence"));
    double before = rewritten();
    post(SOURCE, List.of(clash))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("events[0].sequence"));
    assertEquals(before + 1, rewritten());
    given()
        .auth()
        .oauth2(Tokens.user("auditor-1", "auditor"))
        .get("/api/v1/events/" + clash.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
        .then()
        .statusCode(404);
  }

  @Test
  void anUnknownFieldIsNamed() {
    Map<String, Object> e = new HashMap<>(event(SOURCE, "consent.given", "consent/u"));
    e.put("colour", "blue");
    post(SOURCE, List.of(e)).statusCode(400).contentType("application/problem+json");
  }
}
