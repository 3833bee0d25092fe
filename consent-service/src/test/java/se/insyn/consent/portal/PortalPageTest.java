package se.insyn.consent.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;

/**
 * The self-service page (/me): an officer logs in with the authorization-code flow, sees the notice
 * with its limits and their own choice, and gives or withdraws it with one click, with the same
 * evidence, audit events and change feed as the API (R11, R14, R17, R25).
 */
@QuarkusTest
class PortalPageTest {

  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
  private static final Pattern WITHDRAW =
      Pattern.compile("action=\"/me/choices/([0-9a-f-]{36})/withdraw\"");

  @TestHTTPResource("/")
  URI base;

  private static String officer() {
    return "officer-" + UUID.randomUUID();
  }

  private static String employeePurpose(String model) {
    String code = Fixtures.purpose(model, "EMPLOYEE");
    Fixtures.publish(code, false);
    return code;
  }

  /** The part of the page about one purpose. */
  static String section(String page, String code) {
    int start = page.indexOf("id=\"purpose-" + code + "\"");
    assertTrue(start >= 0, "the page shows purpose " + code);
    return page.substring(start, page.indexOf("</section>", start));
  }

  static String state(String page, String code) {
    Matcher m =
        Pattern.compile("id=\"state-" + Pattern.quote(code) + "\" data-state=\"([A-Z]+)\"")
            .matcher(page);
    assertTrue(m.find(), "a state for " + code);
    return m.group(1);
  }

  private static String formToken(String page) {
    Matcher m = FORM_TOKEN.matcher(page);
    assertTrue(m.find(), "the page has forms with a token");
    return m.group(1);
  }

  private static HttpResponse<String> choose(
      CodeFlowClient client, String token, String code, int version, String choice) {
    return client.post(
        "/me/choices",
        Map.of(
            "purpose",
            code,
            "noticeVersion",
            Integer.toString(version),
            "choice",
            choice,
            "lang",
            "sv",
            "formToken",
            token));
  }

  private static List<Map<String, Object>> apiChoices(String officer) {
    return given()
        .auth()
        .oauth2(Tokens.user(officer, "employee"))
        .when()
        .get("/api/v1/me/consents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void anonymousVisitorsAreSentToTheLoginWhileTheApiStaysBearerOnly() {
    CodeFlowClient client = new CodeFlowClient(base);
    HttpResponse<String> first = client.once("/me");
    assertEquals(302, first.statusCode());
    String location = first.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(System.getProperty("insyn.test.issuer") + "/authorize?"));
    assertTrue(location.contains("response_type=code"), location);
    assertTrue(location.contains("client_id=insyn-portal"), location);
    assertTrue(location.contains("code_challenge_method=S256"), location);
    assertTrue(location.contains("code_challenge="), location);

    given().when().get("/api/v1/me/consents").then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.user(officer(), "employee"))
        .when()
        .get("/api/v1/me/consents")
        .then()
        .statusCode(200);
  }

  @Test
  void loggingOutGoesThroughTheIssuerToAnOpenPageAndEndsTheSession() {
    CodeFlowClient client = new CodeFlowClient(base);
    assertEquals(200, client.login("/me", officer(), "employee").statusCode());

    HttpResponse<String> out = client.get("/me/logout");
    assertEquals(200, out.statusCode(), out.body());
    assertTrue(out.uri().getPath().equals("/me/logged-out"), out.uri().toString());
    assertTrue(out.body().contains("id=\"logged-out\""), out.body());
    assertTrue(
        client.hops.stream()
            .anyMatch(
                hop ->
                    hop.uri()
                        .toString()
                        .startsWith(System.getProperty("insyn.test.issuer") + "/logout?")),
        "RP-initiated logout at the issuer");
    assertEquals(302, client.once("/me").statusCode(), "logged out: the login again");
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndOnlyForThePage() {
    CodeFlowClient client = new CodeFlowClient(base);
    assertEquals(200, client.login("/me", officer(), "employee").statusCode());

    HttpCookie session =
        client.cookies().stream()
            .filter(c -> c.getName().equals("q_session_portal"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + client.cookies()));
    assertTrue(session.isHttpOnly());
    assertEquals("/me", session.getPath());
    String header =
        client.setCookies().stream()
            .filter(h -> h.startsWith("q_session_portal="))
            .findFirst()
            .orElseThrow();
    assertTrue(header.contains("SameSite=Lax"), header);
  }

  @Test
  void anOfficerSeesEachEmployeePurposeWithItsNoticeLimitsAndChoiceInSwedish() {
    String camera = employeePurpose("OPT_IN");
    String citizens = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(citizens, false);
    String unpublished = Fixtures.purpose("OPT_IN", "EMPLOYEE");

    CodeFlowClient client = new CodeFlowClient(base);
    HttpResponse<String> page = client.login("/me", officer(), "employee");

    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    String body = page.body();
    assertTrue(body.contains("<html lang=\"sv\">"));
    assertTrue(body.contains("Mina val om kamera och inspelning"));
    String section = section(body, camera);
    assertTrue(section.contains("Kameran är av tills du slår på den."), section);
    assertTrue(section.contains("Vi spelar inte in."), section);
    assertTrue(section.contains("Används inte för att bedöma personal."), section);
    assertTrue(section.contains("Försäkringskassan"));
    assertTrue(section.contains("Information, version 1"));
    assertEquals("NONE", state(body, camera));
    assertTrue(section.contains("id=\"offer-" + camera + "\""));
    assertTrue(section.contains("Ge samtycke"));
    assertFalse(body.contains("purpose-" + citizens), "a purpose about citizens is not shown");
    assertFalse(body.contains("purpose-" + unpublished), "nobody chooses without a notice");
  }

  @Test
  void thePageIsInEnglishOnRequestOrByTheBrowsersPreference() {
    String camera = employeePurpose("OPT_IN");
    CodeFlowClient client = new CodeFlowClient(base);
    client.login("/me", officer(), "employee");

    String english = client.get("/me?lang=en").body();
    assertTrue(english.contains("<html lang=\"en\">"));
    assertTrue(english.contains("My choices about camera and recording"));
    assertTrue(english.contains("Give consent"));
    assertTrue(section(english, camera).contains("The camera is off."));
    // A limit without an English text is shown in Swedish rather than not at all.
    assertTrue(section(english, camera).contains("Vi spelar inte in."));

    assertTrue(
        client.get("/me", "Accept-Language", "en-GB,en;q=0.8").body().contains("Give consent"));
    assertTrue(client.get("/me?lang=de", "Accept-Language", "de").body().contains("Ge samtycke"));
  }

  @Test
  void oneClickGivesAndOneClickWithdrawsWithTheApisEvidenceAndEvents() {
    String camera = employeePurpose("OPT_IN");
    String officer = officer();
    CodeFlowClient client = new CodeFlowClient(base);
    String token = formToken(client.login("/me", officer, "employee").body());

    HttpResponse<String> afterGive = choose(client, token, camera, 1, "GIVEN");
    assertEquals(200, afterGive.statusCode());
    assertEquals(base.resolve("/me?lang=sv"), afterGive.uri(), "back on the page");
    assertEquals("GIVEN", state(afterGive.body(), camera));
    assertTrue(section(afterGive.body(), camera).contains("Du har gett ditt samtycke"));

    List<Map<String, Object>> mine = apiChoices(officer);
    assertEquals(1, mine.size());
    assertEquals("UI", mine.get(0).get("mechanism"));
    assertEquals("STANDING", mine.get(0).get("scope"));
    assertEquals(1, mine.get(0).get("noticeVersion"));
    String id = mine.get(0).get("id").toString();
    List<OutboxEvent> given = Fixtures.events("consent/" + id);
    assertEquals(List.of("consent.given"), given.stream().map(e -> e.type).toList());
    JsonPath event = Fixtures.payload(given.get(0));
    assertEquals(Tokens.subjectOf(officer), event.getString("data.subjectRef"));
    assertEquals("UI", event.getString("data.mechanism"));
    assertEquals(mine.get(0).get("noticeHash"), event.getString("data.noticeHash"));
    assertEquals(Tokens.subjectOf(officer), event.getString("actor.subject"));
    assertEquals("insyn-portal", event.getString("actor.clientId"));
    Fixtures.decide(camera, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"))
        .body("subjects[0].consentId", equalTo(id));

    Matcher withdraw = WITHDRAW.matcher(section(afterGive.body(), camera));
    assertTrue(withdraw.find(), "a withdraw button for the consent");
    assertEquals(id, withdraw.group(1));
    HttpResponse<String> afterWithdraw =
        client.post("/me/choices/" + id + "/withdraw", Map.of("lang", "sv", "formToken", token));
    assertEquals(200, afterWithdraw.statusCode());
    assertEquals("WITHDRAWN", state(afterWithdraw.body(), camera));
    assertTrue(section(afterWithdraw.body(), camera).contains("id=\"offer-" + camera + "\""));

    Fixtures.decide(camera, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("WITHDRAWN"));
    assertEquals(
        List.of("consent.given", "consent.withdrawn"), Fixtures.eventTypes("consent/" + id));
    given()
        .auth()
        .oauth2(Tokens.client("recording-service", "decision-client"))
        .when()
        .get("/api/v1/consent-changes")
        .then()
        .statusCode(200);
    assertTrue(
        given()
            .auth()
            .oauth2(Tokens.client("recording-service", "decision-client"))
            .queryParam("limit", 1000)
            .when()
            .get("/api/v1/consent-changes")
            .then()
            .extract()
            .jsonPath()
            .getList("changes.consentId")
            .contains(id),
        "the withdrawal is in the change feed");
  }

  @Test
  void anOptOutPurposeOffersAnObjectionAndItsWithdrawal() {
    String code = employeePurpose("OPT_OUT");
    String officer = officer();
    CodeFlowClient client = new CodeFlowClient(base);
    String page = client.login("/me", officer, "employee").body();
    assertTrue(section(page, code).contains("Invänd"));

    String after = choose(client, formToken(page), code, 1, "REFUSED").body();
    assertEquals("REFUSED", state(after, code));
    assertTrue(section(after, code).contains("Du har invänt"));
    assertTrue(section(after, code).contains("Återkalla invändning"));
    Fixtures.decide(code, null, "employee", Tokens.subjectOf(officer))
        .body("subjects[0].reason", equalTo("OBJECTED"));
  }

  @Test
  void aMaterialChangeAsksForConsentAgain() {
    String camera = employeePurpose("OPT_IN");
    String officer = officer();
    Fixtures.own(officer, camera, 1, "GIVEN");
    Fixtures.publish(camera, true);

    CodeFlowClient client = new CodeFlowClient(base);
    String page = client.login("/me", officer, "employee").body();
    assertEquals("STALE", state(page, camera));
    assertTrue(section(page, camera).contains("Information, version 2"));
    assertTrue(section(page, camera).contains("name=\"noticeVersion\" value=\"2\""));
  }

  @Test
  void aFormWithoutTheSessionsTokenChangesNothing() {
    String camera = employeePurpose("OPT_IN");
    String officer = officer();
    CodeFlowClient client = new CodeFlowClient(base);
    client.login("/me", officer, "employee");
    CodeFlowClient other = new CodeFlowClient(base);
    String othersToken = formToken(other.login("/me", officer(), "employee").body());

    HttpResponse<String> missing = choose(client, "", camera, 1, "GIVEN");
    assertEquals(403, missing.statusCode());
    assertTrue(
        missing
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"));
    assertEquals(403, choose(client, othersToken, camera, 1, "GIVEN").statusCode());
    assertEquals(List.of(), apiChoices(officer));
  }

  @Test
  void anotherPersonsChoiceCannotBeWithdrawnFromThePage() {
    String camera = employeePurpose("OPT_IN");
    String someoneElse = officer();
    String theirs = Fixtures.own(someoneElse, camera, 1, "GIVEN");
    CodeFlowClient client = new CodeFlowClient(base);
    String token = formToken(client.login("/me", officer(), "employee").body());

    HttpResponse<String> response =
        client.post("/me/choices/" + theirs + "/withdraw", Map.of("formToken", token));
    assertEquals(404, response.statusCode());
    Fixtures.decide(camera, null, "employee", Tokens.subjectOf(someoneElse))
        .body("decision", equalTo("PERMIT"));
  }

  @Test
  void badFormFieldsAreProblems() {
    String camera = employeePurpose("OPT_IN");
    CodeFlowClient client = new CodeFlowClient(base);
    String token = formToken(client.login("/me", officer(), "employee").body());

    assertEquals(400, choose(client, token, camera, 1, "MAYBE").statusCode());
    assertEquals(
        400,
        client
            .post(
                "/me/choices",
                Map.of(
                    "purpose", camera, "noticeVersion", "x", "choice", "GIVEN", "formToken", token))
            .statusCode());
    assertEquals(422, choose(client, token, camera, 9, "GIVEN").statusCode());
    assertEquals(422, choose(client, token, "no-such-purpose", 1, "GIVEN").statusCode());
  }

  @Test
  void onlyEmployeesHaveThePage() {
    CodeFlowClient client = new CodeFlowClient(base);
    HttpResponse<String> page = client.login("/me", "dpo-" + UUID.randomUUID(), "dpo");
    assertEquals(403, page.statusCode());
  }
}
