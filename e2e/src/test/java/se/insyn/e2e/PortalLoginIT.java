package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import se.insyn.devstack.LocalRealm;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;
import se.insyn.devstack.test.HeadlessChromium;

/**
 * The officers' page in a real headless Chromium against the real Keycloak with the realm's
 * production-shaped portal client (issue 21 item 5): authorization code with PKCE S256 through
 * Keycloak's own login page, exactly one redirect URI, the second factor in the browser flow for a
 * role that needs it (item 6), and RP-initiated logout that ends the Keycloak session as well.
 */
@ExtendWith(SuiteExtension.class)
class PortalLoginIT {

  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() {
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
  }

  @AfterEach
  void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void anOfficerLogsInWithPkceAtKeycloakAndLoggingOutEndsTheKeycloakSession(Suite suite)
      throws InterruptedException {
    String consent = suite.service(SuiteService.CONSENT).baseUrl();
    String authorize = suite.issuer() + "/protocol/openid-connect/auth";

    browser.get(consent + "/me");
    String login = browser.getCurrentUrl();
    assertTrue(login.startsWith(authorize), "sent to Keycloak's login: " + login);
    assertTrue(login.contains("client_id=insyn-portal"), login);
    assertTrue(login.contains("code_challenge_method=S256"), login);
    assertTrue(login.contains("redirect_uri=" + encoded(consent + "/me")), login);
    browser.findElement(By.id("username")).sendKeys("demo-employee");
    browser.findElement(By.id("password")).sendKeys("demo");
    navigate(By.id("kc-login"));

    assertEquals(consent + "/me", browser.getCurrentUrl());
    assertEquals("Mina val om kamera och inspelning", browser.getTitle());

    navigate(By.id("logout"));
    assertTrue(
        browser.getCurrentUrl().startsWith(consent + "/me/logged-out"), browser.getCurrentUrl());
    assertEquals("Du är utloggad", browser.getTitle());

    browser.get(consent + "/me");
    assertTrue(
        browser.getCurrentUrl().startsWith(authorize),
        "after logging out Keycloak asks again: " + browser.getCurrentUrl());
    assertTrue(browser.findElement(By.id("password")).isDisplayed());
  }

  @Test
  void theBrowserFlowAsksARoleThatNeedsIt(Suite suite) throws InterruptedException {
    String consent = suite.service(SuiteService.CONSENT).baseUrl();
    browser.get(consent + "/me");
    browser.findElement(By.id("username")).sendKeys("demo-dpo");
    browser.findElement(By.id("password")).sendKeys("demo");
    navigate(By.id("kc-login"));

    assertTrue(
        browser.getCurrentUrl().startsWith(suite.issuer()),
        "still at Keycloak: " + browser.getCurrentUrl());
    browser
        .findElement(By.id("otp"))
        .sendKeys(LocalRealm.totpCode("demo-dpo", Instant.now()).orElseThrow());
    navigate(By.id("kc-login"));
    assertTrue(
        browser.getCurrentUrl().startsWith(consent + "/me"),
        "back at the page once the code is given: " + browser.getCurrentUrl());
  }

  @Test
  void keycloakAllowsThePortalNeitherWithoutPkceNorAtAnotherRedirectUri(Suite suite) {
    String consent = suite.service(SuiteService.CONSENT).baseUrl();
    String authorize =
        suite.issuer()
            + "/protocol/openid-connect/auth?client_id=insyn-portal&response_type=code"
            + "&scope=openid&state=s&redirect_uri=";
    Response withoutPkce =
        given()
            .redirects()
            .follow(false)
            .urlEncodingEnabled(false)
            .get(authorize + encoded(consent + "/me"));
    assertEquals(302, withoutPkce.statusCode(), withoutPkce.asString());
    assertTrue(
        withoutPkce.header("Location").contains("error=invalid_request"),
        withoutPkce.header("Location"));
    Response elsewhere =
        given()
            .redirects()
            .follow(false)
            .urlEncodingEnabled(false)
            .get(
                authorize
                    + encoded(consent + "/me/elsewhere")
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&code_challenge_method=S256");
    assertEquals(400, elsewhere.statusCode(), "no wildcard redirect URI");
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void navigate(By target) throws InterruptedException {
    chromium.navigate(target);
  }
}
