package se.insyn.consent.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import se.insyn.consent.Fixtures;
import se.insyn.devstack.test.Tokens;

/**
 * The portal in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * an officer logs in through the issuer's login page, reads the limits on use, gives consent with
 * one click and withdraws it with one click, after which the decision API denies (R14).
 */
@QuarkusTest
class PortalBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TestHTTPResource("/")
  URI base;

  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: needs the Debian packages chromium and chromium-driver"
            + " (apt-get install -y chromium chromium-driver)");
    profile = Files.createTempDirectory("insyn-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1000,1400",
        "--lang=sv-SE",
        "--user-data-dir=" + profile);
    // A Swedish officer's browser: the page follows Accept-Language.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "sv-SE,sv"));
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /**
   * Clicks what submits a form or follows a link, and returns once the next page has replaced this
   * one: a click returns before the navigation it starts, so looking at once may find the old page.
   */
  private void navigate(By target) throws InterruptedException {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        page.getTagName();
      } catch (org.openqa.selenium.StaleElementReferenceException gone) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("clicking " + target + " led to no new page");
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
