package se.insyn.consent.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.HeadlessChromium;
import se.insyn.devstack.test.Tokens;

/**
 * The portal in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * an officer logs in through the issuer's login page, reads the limits on use, gives consent with
 * one click and withdraws it with one click, after which the decision API denies (R14).
 */
@QuarkusTest
class PortalBrowserTest {

  @TestHTTPResource("/")
  URI base;

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

  private void navigate(By target) throws InterruptedException {
    chromium.navigate(target);
  }

  private String state(String code) {
    return browser.findElement(By.id("state-" + code)).getAttribute("data-state");
  }

  /** Keeps what the officer saw, for people reviewing a run (target/portal-*.png). */
  private void screenshot(String name) {
    try {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "portal-" + name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anOfficerLogsInReadsTheLimitsGivesAndWithdrawsWithOneClickEach()
      throws InterruptedException {
    String camera = Fixtures.purpose("OPT_IN", "EMPLOYEE");
    Fixtures.publish(camera, false);
    String officer = "officer-" + UUID.randomUUID();

    browser.get(base.resolve("/me").toString());
    assertTrue(
        browser.getCurrentUrl().startsWith(System.getProperty("insyn.test.issuer") + "/authorize"),
        "sent to the issuer's login: " + browser.getCurrentUrl());
    browser.findElement(By.id("username")).sendKeys(officer);
    browser.findElement(By.id("roles")).sendKeys("employee");
    navigate(By.id("login"));

    assertEquals(base.resolve("/me").toString(), browser.getCurrentUrl());
    assertEquals("Mina val om kamera och inspelning", browser.getTitle());
    WebElement section = browser.findElement(By.id("purpose-" + camera));
    String limits = section.findElement(By.className("limits")).getText();
    assertTrue(limits.contains("Vi spelar inte in."), limits);
    assertTrue(limits.contains("Används inte för att bedöma personal."), limits);
    assertEquals("NONE", state(camera));

    navigate(By.id("offer-" + camera));
    assertEquals("GIVEN", state(camera));
    assertTrue(
        browser
            .findElement(By.id("state-" + camera))
            .getText()
            .startsWith("Du har gett ditt samtycke"));
    screenshot("given");
    Fixtures.decide(camera, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("PERMIT"));

    navigate(By.id("withdraw-" + camera));
    assertEquals("WITHDRAWN", state(camera));
    screenshot("withdrawn");
    Fixtures.decide(camera, null, "employee", Tokens.subjectOf(officer))
        .body("decision", equalTo("DENY"))
        .body("subjects[0].reason", equalTo("WITHDRAWN"));

    navigate(By.id("language"));
    assertEquals("My choices about camera and recording", browser.getTitle());
    assertTrue(browser.findElement(By.id("offer-" + camera)).getText().equals("Give consent"));
  }
}
