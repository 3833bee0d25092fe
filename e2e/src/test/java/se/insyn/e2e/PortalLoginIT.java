package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

  @RegisterExtension final HeadlessChromium.PerTest chromium = new HeadlessChromium.PerTest();

  @Test
  void anOfficerLogsInWithPkceAtKeycloakAndLoggingOutEndsTheKeycloakSession(Suite suite)
      throws InterruptedException {
    String consent = suite.service(SuiteService.CONSENT).baseUrl();
    String authorize = suite.issuer() + "/protocol/openid-connect/auth";

    chromium.driver().get(consent + "/me");
    String login = chromium.driver().getCurrentUrl();
    assertTrue(login.startsWith(authorize), "sent to Keycloak's login: " + login);
    assertTrue(login.contains("client_id=insyn-portal"), login);
    assertTrue(login.contains("code_challenge_method=S256"), login);
    assertTrue(login.contains("redirect_uri=" + encoded(consent + "/me")), login);
    chromium.driver().findElement(By.id("username")).sendKeys("demo-employee");
    chromium.driver().findElement(By.id("password")).sendKeys("demo");
    chromium.navigate(By.id("kc-login"));

    assertEquals(consent + "/me", chromium.driver().getCurrentUrl());
    assertEquals("Mina val om kamera och inspelning", chromium.driver().getTitle());

    chromium.navigate(By.id("logout"));
    assertTrue(
        chromium.driver().getCurrentUrl().startsWith(consent + "/me/logged-out"),
        chromium.driver().getCurrentUrl());
    assertEquals("Du är utloggad", chromium.driver().getTitle());

    chromium.driver().get(consent + "/me");
    assertTrue(
        chromium.driver().getCurrentUrl().startsWith(authorize),
        "after logging out Keycloak asks again: " + chromium.driver().getCurrentUrl());
    assertTrue(chromium.driver().findElement(By.id("password")).isDisplayed());
  }

  @Test
  void theBrowserFlowAsksARoleThatNeedsIt(Suite suite) throws InterruptedException {
    String consent = suite.service(SuiteService.CONSENT).baseUrl();
    chromium.driver().get(consent + "/me");
    chromium.driver().findElement(By.id("username")).sendKeys("demo-dpo");
    chromium.driver().findElement(By.id("password")).sendKeys("demo");
    chromium.navigate(By.id("kc-login"));

    assertTrue(
        chromium.driver().getCurrentUrl().startsWith(suite.issuer()),
        "still at Keycloak: " + chromium.driver().getCurrentUrl());
    chromium
        .driver()
        .findElement(By.id("otp"))
        .sendKeys(LocalRealm.totpCode("demo-dpo", Instant.now()).orElseThrow());
    chromium.navigate(By.id("kc-login"));
    assertTrue(
        chromium.driver().getCurrentUrl().startsWith(consent + "/me"),
        "back at the page once the code is given: " + chromium.driver().getCurrentUrl());
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
}
