package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Försäkringskassan, done right: camera use in a video meeting needs the officer's own free choice
 * (R11, R12, R16), given under a notice that states the agency's limits on use (R26, R76),
 * effective at once, withdrawn in one step (R14); managers see only counts, never who said no (R17,
 * R76).
 */
@ExtendWith(SuiteExtension.class)
@DisplayName(
    "Försäkringskassan, rätt gjort: kameran i videomöten bara med handläggarens eget samtycke,"
        + " och chefen ser bara antal")
class ForsakringskassanDoneRightIT {

  /**
   * A purpose code of its own per run, so that the story never meets the demo data's {@code
   * camera-in-video-meeting} or an earlier run of itself against the same suite ({@code ./story}).
   */
  private static final String PURPOSE = "camera-in-video-meeting-" + InsynClient.shortId();

  @Test
  void theOfficerDecidesAboutTheCameraAndTheManagerSeesOnlyCounts(Suite suite) {
    Narration story = Narration.of("Försäkringskassan, rätt gjort");
    InsynClient insyn =
        new InsynClient(
            suite.service(SuiteService.CONSENT).baseUrl(),
            suite.service(SuiteService.RECORDING).baseUrl(),
            suite.service(SuiteService.AUDIT).baseUrl());
    var keycloak = suite.keycloak();
    String consentAdmin = keycloak.userToken("demo-consent-admin", "demo");
    String dpo = keycloak.userToken("demo-dpo", "demo");
    String officer = keycloak.userToken("demo-employee", "demo");
    // The consent decision API is the suite's own (issue 21): the recording-service asks it.
    String recordingService =
        keycloak.clientToken("recording-service", "recording-service-dev-secret");
    String officerName = InsynClient.principalName(officer);

    given()
        .auth()
        .oauth2(consentAdmin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code", PURPOSE,
                "titleSv", "Kamera i videomöten",
                "titleEn", "Camera in video meetings",
                "subjects", List.of("EMPLOYEE"),
                "choiceModel", "OPT_IN"))
        .post(insyn.consent + "/api/v1/purposes")
        .then()
        .statusCode(201);
    JsonPath notice =
        insyn.publishNotice(
            consentAdmin,
            PURPOSE,
            "Din kamera används i videomöten med kunder bara om du själv säger ja."
                + " Du kan ändra dig när som helst.",
            List.of(
                Map.of("kind", "NOT_RECORDED", "text", Map.of("sv", "Mötena spelas inte in.")),
                Map.of(
                    "kind",
                    "NOT_USED_FOR_EVALUATION",
                    "text",
                    Map.of("sv", "Bilden används aldrig för att bedöma eller övervaka dig."))));
    int version = notice.getInt("version");
    story.step(
        "Syftet %s (EMPLOYEE, OPT_IN) får meddelande version %d med två begränsningar:"
            + " spelas inte in, används inte för bedömning.",
        PURPOSE, version);

    JsonPath before = insyn.decideForEmployee(recordingService, PURPOSE, officerName);
    assertEquals("DENY", before.getString("decision"), before.prettify());
    assertEquals("NO_CONSENT", before.getString("subjects[0].reason"), before.prettify());
    story.step(
        "Inspelningstjänsten frågar åt mötesplattformen för %s utan val: DENY NO_CONSENT.",
        officerName);

    Portal portal = Portal.login(insyn.consent, "demo-employee", "demo");
    String page = portal.page();
    assertTrue(page.contains("Bilden används aldrig för att bedöma eller övervaka dig."), page);
    assertTrue(page.contains("Mötena spelas inte in."), page);
    assertEquals("NONE", Portal.state(page, PURPOSE), page);
    story.step(
        "Handläggaren loggar in i Keycloak (auktoriseringskodflödet) och öppnar portalsidan /me:"
            + " meddelandet v%d med begränsningarna visas, hennes läge är NONE.",
        version);
    page = portal.submit(page, "/me/choices", PURPOSE);
    assertEquals("GIVEN", Portal.state(page, PURPOSE), page);
    String consentId = Portal.withdrawableId(page, PURPOSE);
    story.step("Hon trycker \"Ja\" på portalsidan: läget är GIVEN (samtycke %s).", consentId);

    JsonPath permitted = insyn.decideForEmployee(recordingService, PURPOSE, officerName);
    assertEquals("PERMIT", permitted.getString("decision"), permitted.prettify());
    assertEquals("CONSENT_GIVEN", permitted.getString("subjects[0].reason"));
    assertEquals(consentId, permitted.getString("subjects[0].consentId"));
    assertEquals(version, permitted.getInt("subjects[0].noticeVersion"));
    story.step("Inspelningstjänsten frågar igen: PERMIT CONSENT_GIVEN (meddelande v%d).", version);

    page = portal.submit(page, "/me/choices/" + consentId + "/withdraw", null);
    assertEquals("WITHDRAWN", Portal.state(page, PURPOSE), page);
    story.step("Hon återkallar med ett klick på portalsidan: läget är WITHDRAWN.");

    JsonPath after = insyn.decideForEmployee(recordingService, PURPOSE, officerName);
    assertEquals("DENY", after.getString("decision"), after.prettify());
    assertEquals("WITHDRAWN", after.getString("subjects[0].reason"), after.prettify());
    story.step("Nästa fråga från inspelningstjänsten: DENY WITHDRAWN.");

    for (String manager : List.of(consentAdmin, dpo)) {
      String body =
          given()
              .auth()
              .oauth2(manager)
              .get(insyn.consent + "/api/v1/purposes/" + PURPOSE + "/statistics")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      JsonPath stats = JsonPath.from(body);
      List<Map<String, Object>> counts = stats.getList("counts");
      assertFalse(counts.isEmpty(), body);
      assertTrue(counts.stream().allMatch(c -> "<5".equals(c.get("count"))), body);
      assertFalse(body.contains(officerName), body);
      assertFalse(body.contains(consentId), body);
      assertFalse(body.contains(claim(officer, "sub")), body);
    }
    given()
        .auth()
        .oauth2(officer)
        .get(insyn.consent + "/api/v1/purposes/" + PURPOSE + "/statistics")
        .then()
        .statusCode(403);
    story.done(
        "Chefen (consent-admin, dpo) ser bara antal per version och läge, alla \"<5\";"
            + " inga namn, inga id:n. Handläggaren själv når inte statistiken (403).");
  }

  private static String claim(String token, String name) {
    String payload = token.split("\\.")[1];
    return JsonPath.from(
            new String(
                java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8))
        .getString(name);
  }

  /**
   * The officer's browser over plain HTTP: the authorization-code login at the real Keycloak, the
   * portal's session cookie, and the page's own forms with their form token. Redirects are followed
   * by hand so that each host keeps its own cookies; URLs the servers hand out are used as given
   * (not encoded again).
   */
  private static final class Portal {

    private static final Pattern LOGIN_ACTION =
        Pattern.compile("action=\"([^\"]*/login-actions/authenticate[^\"]*)\"");
    private static final Pattern FORM_TOKEN =
        Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new HashMap<>();

    private Portal(String base) {
      this.base = base;
    }

    static Portal login(String base, String user, String password) {
      Portal portal = new Portal(base);
      Response anonymous = portal.get(base + "/me");
      assertEquals(302, anonymous.statusCode(), "an anonymous visitor is sent to the login");
      Response form =
          given()
              .urlEncodingEnabled(false)
              .redirects()
              .follow(false)
              .get(anonymous.header("Location"));
      Matcher action = LOGIN_ACTION.matcher(form.asString());
      assertTrue(action.find(), form.asString());
      Response loggedIn =
          given()
              .urlEncodingEnabled(false)
              .redirects()
              .follow(false)
              .cookies(form.getCookies())
              .contentType(ContentType.URLENC)
              .formParam("username", user)
              .formParam("password", password)
              .post(action.group(1).replace("&amp;", "&"));
      assertEquals(302, loggedIn.statusCode(), loggedIn.asString());
      String callback = loggedIn.header("Location");
      assertTrue(callback.startsWith(base + "/me"), callback);
      Response r = portal.get(callback);
      while (r.statusCode() == 302 || r.statusCode() == 303) {
        String location = r.header("Location");
        r = portal.get(location.startsWith("/") ? base + location : location);
      }
      return portal;
    }

    /** The page as the officer sees it now. */
    String page() {
      Response r = get(base + "/me");
      assertEquals(200, r.statusCode(), r.asString());
      return r.asString();
    }

    /** Submits one of the page's forms: the offer for a purpose, or a withdrawal. */
    String submit(String page, String action, String purpose) {
      Matcher token = FORM_TOKEN.matcher(page);
      assertTrue(token.find(), page);
      var request =
          given()
              .redirects()
              .follow(false)
              .cookies(cookies)
              .contentType(ContentType.URLENC)
              .formParam("formToken", token.group(1))
              .formParam("lang", "sv");
      if (purpose != null) {
        String section = section(page, purpose);
        request
            .formParam("purpose", purpose)
            .formParam("noticeVersion", field(section, "noticeVersion"))
            .formParam("choice", field(section, "choice"));
      }
      Response r = request.post(base + action);
      assertEquals(303, r.statusCode(), r.asString());
      cookies.putAll(r.getCookies());
      return page();
    }

    /** The officer's current choice for a purpose, as the page states it. */
    static String state(String page, String purpose) {
      Matcher m =
          Pattern.compile("id=\"state-" + Pattern.quote(purpose) + "\" data-state=\"([A-Z_]+)\"")
              .matcher(page);
      assertTrue(m.find(), page);
      return m.group(1);
    }

    static String withdrawableId(String page, String purpose) {
      Matcher m =
          Pattern.compile("action=\"/me/choices/([0-9a-f-]{36})/withdraw\"")
              .matcher(section(page, purpose));
      assertTrue(m.find(), page);
      return m.group(1);
    }

    private static String section(String page, String purpose) {
      int start = page.indexOf("<section id=\"purpose-" + purpose + "\"");
      assertTrue(start >= 0, page);
      return page.substring(start, page.indexOf("</section>", start));
    }

    private static String field(String section, String name) {
      Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(section);
      assertTrue(m.find(), section);
      return m.group(1);
    }

    private Response get(String url) {
      Response r =
          given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(url);
      cookies.putAll(r.getCookies());
      return r;
    }
  }
}
