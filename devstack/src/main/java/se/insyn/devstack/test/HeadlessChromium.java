package se.insyn.devstack.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests (Debian's {@code chromium} and {@code
 * chromium-driver}; a test is skipped where they are not installed), in a Swedish officer's
 * settings, with a profile of its own that {@link #close()} deletes.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver browser;
  private final Path profile;

  private HeadlessChromium(ChromeDriver browser, Path profile) {
    this.browser = browser;
    this.profile = profile;
  }

  /** Starts the browser, or skips the calling test when Chromium is not installed. */
  public static HeadlessChromium start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: needs the Debian packages chromium and chromium-driver"
            + " (apt-get install -y chromium chromium-driver)");
    try {
      Path profile = Files.createTempDirectory("insyn-chromium-");
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
      // A Swedish officer's browser: pages follow Accept-Language.
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "sv-SE,sv"));
      ChromeDriverService driver =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      return new HeadlessChromium(new ChromeDriver(driver, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return browser;
  }

  /**
   * Clicks what submits a form or follows a link, and returns once the next page has replaced this
   * one: a click returns before the navigation it starts, so looking at once may find the old page.
   */
  public void navigate(By target) throws InterruptedException {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        page.getTagName();
      } catch (StaleElementReferenceException gone) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("clicking " + target + " led to no new page");
  }

  /**
   * A fresh browser for each test of a plain JUnit class ({@code @RegisterExtension}), closed after
   * it; a test is skipped where Chromium is not installed.
   */
  public static final class PerTest implements BeforeEachCallback, AfterEachCallback {

    private HeadlessChromium chromium;

    @Override
    public void beforeEach(ExtensionContext context) {
      chromium = start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
      if (chromium != null) {
        chromium.close();
        chromium = null;
      }
    }

    public ChromeDriver driver() {
      return chromium.driver();
    }

    /** As {@link HeadlessChromium#navigate(By)}. */
    public void navigate(By target) throws InterruptedException {
      chromium.navigate(target);
    }
  }

  @Override
  public void close() {
    browser.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
