package se.insyn.consent.change;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.Tokens;

/** The change feed the recording-service follows to stop what a choice no longer allows (R14). */
@QuarkusTest
class ConsentChangeFeedTest {

  private static String follower() {
    return Tokens.client("recording-service", "decision-client");
  }

  private static JsonPath feed(long after, int limit) {
    return given()
        .auth()
        .oauth2(follower())
        .queryParam("after", after)
        .queryParam("limit", limit)
        .when()
        .get("/api/v1/consent-changes")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  /** Every change after a position, read page by page as a follower would. */
  private static List<Map<String, Object>> changesAfter(long after) {
    List<Map<String, Object>> all = new ArrayList<>();
    long position = after;
    while (true) {
      JsonPath page = feed(position, 1000);
      List<Map<String, Object>> changes = page.getList("changes");
      if (changes.isEmpty()) {
        assertEquals(position, page.getLong("next"), "an empty page repeats the position asked");
        return all;
      }
      all.addAll(changes);
      position = page.getLong("next");
    }
  }

  private static long head() {
    List<Map<String, Object>> all = changesAfter(0);
    return all.isEmpty() ? 0 : ((Number) all.get(all.size() - 1).get("position")).longValue();
  }

  private static List<Map<String, Object>> about(List<Map<String, Object>> changes, String id) {
    return changes.stream().filter(c -> id.equals(c.get("consentId"))).toList();
  }

  private static void withdrawOwn(String employee, String consentId) {
    given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/v1/consents/{id}/withdraw", consentId)
        .then()
        .statusCode(200);
  }

  @Test
  void aWithdrawalIsInTheFeedWithOnlyTheConsentAndPurpose() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String id = Fixtures.own(employee, code, 1, "GIVEN");
    long before = head();

    withdrawOwn(employee, id);
    withdrawOwn(employee, id);

    List<Map<String, Object>> changes = about(changesAfter(before), id);
    assertEquals(1, changes.size(), "withdrawing twice is one change");
    Map<String, Object> change = changes.get(0);
    assertEquals("WITHDRAWN", change.get("change"));
    assertEquals(code, change.get("purpose"));
    assertTrue(change.get("at").toString().endsWith("Z"), "a UTC time: " + change.get("at"));
    assertEquals(
        List.of("at", "change", "consentId", "position", "purpose"),
        change.keySet().stream().sorted().toList(),
        "nothing about the person");
  }

  @Test
  void aCallersWithdrawalNamesNoPhoneNumber() {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    String id = Fixtures.forPhone(phone, code, 1, "GIVEN");
    long before = head();

    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(Map.of("interactionId", "call-" + UUID.randomUUID()))
        .when()
        .post("/api/v1/consents/{id}/withdraw", id)
        .then()
        .statusCode(200);

    String body =
        given()
            .auth()
            .oauth2(follower())
            .queryParam("after", before)
            .when()
            .get("/api/v1/consent-changes")
            .then()
            .statusCode(200)
            .body("changes.consentId", hasItem(id))
            .extract()
            .asString();
    assertFalse(body.contains(phone.substring(1)), "no phone number in the feed");
  }

  @Test
  void aRefusalSupersedesEveryConsentItReplacesOnce() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String first = Fixtures.own(employee, code, 1, "GIVEN");
    String second = Fixtures.own(employee, code, 1, "GIVEN");
    long before = head();

    String refusal = Fixtures.own(employee, code, 1, "REFUSED");
    Fixtures.own(employee, code, 1, "REFUSED");

    List<Map<String, Object>> changes = changesAfter(before);
    // A recording may still rely on the older consent too: both stop counting now.
    for (String id : List.of(first, second)) {
      List<Map<String, Object>> mine = about(changes, id);
      assertEquals(1, mine.size(), "one change for " + id + ": " + changes);
      assertEquals("SUPERSEDED", mine.get(0).get("change"));
      assertEquals(code, mine.get(0).get("purpose"));
    }
    assertEquals(List.of(), about(changes, refusal), "a refusal itself is no change");
  }

  @Test
  void aNewConsentOrAnotherPersonsRefusalSupersedesNothing() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String given = Fixtures.own(employee, code, 1, "GIVEN");
    long before = head();

    Fixtures.own(employee, code, 1, "GIVEN");
    Fixtures.own("officer-" + UUID.randomUUID(), code, 1, "REFUSED");

    assertEquals(List.of(), about(changesAfter(before), given));
  }

  @Test
  void aRefusalForOneSessionLeavesTheStandingConsentAndOtherSessions() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    String standing = Fixtures.own(employee, code, 1, "GIVEN");
    String otherSession = session(employee, code, "meeting-a", "GIVEN");
    String thisSession = session(employee, code, "meeting-b", "GIVEN");
    long before = head();

    session(employee, code, "meeting-b", "REFUSED");

    List<Map<String, Object>> changes = changesAfter(before);
    assertEquals(1, about(changes, thisSession).size());
    assertEquals(List.of(), about(changes, otherSession));
    assertEquals(List.of(), about(changes, standing));
  }

  private static String session(String employee, String code, String sessionId, String choice) {
    return given()
        .auth()
        .oauth2(Tokens.user(employee, "employee"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                code,
                "noticeVersion",
                1,
                "choice",
                choice,
                "scope",
                "SESSION",
                "sessionId",
                sessionId))
        .when()
        .post("/api/v1/consents")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void positionsAreContinuousEvenWhenWithdrawalsRaceAndPagesFollowThem() throws Exception {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    List<String[]> consents = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String employee = "officer-" + UUID.randomUUID();
      consents.add(new String[] {employee, Fixtures.own(employee, code, 1, "GIVEN")});
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String[] c : consents) {
        done.add(pool.submit(() -> withdrawOwn(c[0], c[1])));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    List<Long> positions = new ArrayList<>();
    long next = 0;
    while (true) {
      JsonPath page = feed(next, 5);
      List<Long> got = page.getList("changes.position", Long.class);
      if (got.isEmpty()) {
        break;
      }
      assertTrue(got.size() <= 5, "at most limit changes");
      assertEquals(got.get(got.size() - 1), page.getLong("next"), "next is the last position");
      positions.addAll(got);
      next = page.getLong("next");
    }
    for (int i = 0; i < positions.size(); i++) {
      assertEquals(i + 1L, positions.get(i), "gap-free from 1: " + positions);
    }
    List<Map<String, Object>> all = changesAfter(0);
    for (String[] c : consents) {
      assertEquals(1, about(all, c[1]).size(), "each withdrawal once");
    }
  }

  @Test
  void theDefaultsReadFromTheStart() {
    String code = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(code, false);
    String employee = "officer-" + UUID.randomUUID();
    withdrawOwn(employee, Fixtures.own(employee, code, 1, "GIVEN"));

    given()
        .auth()
        .oauth2(follower())
        .when()
        .get("/api/v1/consent-changes")
        .then()
        .statusCode(200)
        .body("changes[0].position", equalTo(1));
  }

  @Test
  void onlyADecisionClientReadsTheFeed() {
    given().when().get("/api/v1/consent-changes").then().statusCode(401);
    for (String token :
        List.of(
            Fixtures.recorder(),
            Tokens.user("officer-" + UUID.randomUUID(), "employee"),
            Fixtures.admin(),
            Tokens.user("dpo-" + UUID.randomUUID(), "dpo"))) {
      given()
          .auth()
          .oauth2(token)
          .when()
          .get("/api/v1/consent-changes")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(Tokens.expired("service-account-recording-service", "decision-client"))
        .when()
        .get("/api/v1/consent-changes")
        .then()
        .statusCode(401);
  }

  @ParameterizedTest
  @CsvSource({
    "after, -1",
    "after, abc",
    "after, 1.5",
    "after, 99999999999999999999",
    "limit, 0",
    "limit, 1001",
    "limit, ten"
  })
  void aBadParameterIsAProblemNamingIt(String name, String value) {
    given()
        .auth()
        .oauth2(follower())
        .queryParam(name, value)
        .when()
        .get("/api/v1/consent-changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("violations[0].field", equalTo(name));
  }

  /** Refused before the service parses them (ParameterGuard), with the same problem. */
  @ParameterizedTest
  @ValueSource(strings = {"1\u0000", "long"})
  void aNulOrAnOverLongValueIsTheSameProblem(String value) {
    String sent = value.equals("long") ? "1".repeat(10_000) : value;
    given()
        .auth()
        .oauth2(follower())
        .queryParam("after", sent)
        .when()
        .get("/api/v1/consent-changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:validation"))
        .body("violations[0].field", equalTo("after"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void theLimitsAreInclusive(int limit) {
    feed(0, limit);
  }
}
