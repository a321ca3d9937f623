package gov.rizhao.skills.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, one per test class: sign in, open pages,
 * take screenshots under {@code target/console-screenshots}, and check that a page logged no error
 * and fetched nothing from another origin. Without the browser installed the tests are skipped,
 * unless {@code SKILLS_BROWSER_REQUIRED=true} (as {@code .ci/run} sets, after {@code
 * .ci/browser-up}) or {@code -Dconsole.browser.required=true} makes that a failure.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/console-screenshots");

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser window of {@code width} × 900 pixels, for the service at {@code base}. */
  public static Browser open(String base, int width) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!Boolean.getBoolean("console.browser.required")
        && !"true".equals(System.getenv("SKILLS_BROWSER_REQUIRED"))) {
      Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
    }
    assertThat(present).as("chromium and chromium-driver must be installed").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=zh-CN",
        "--window-size=" + width + ",900");
    if (width < 500) {
      // Headless windows are at least 500 pixels wide: a phone is emulated instead.
      options.setExperimentalOption(
          "mobileEmulation",
          java.util.Map.of(
              "deviceMetrics", java.util.Map.of("width", width, "height", 844, "pixelRatio", 1.0)));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return new Browser(driver, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the service, e.g. {@code /console/measures}. */
  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  /** Signs in on the console's login page. */
  public Browser login(String username, String password) {
    go("/console/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                !d.findElements(By.id("login-error")).isEmpty()
                    || !d.getCurrentUrl().contains("/console/login"));
    return this;
  }

  /** The element, once it is there; the page's address and text are in the failure otherwise. */
  public WebElement find(By by) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.presenceOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          by + " not on " + driver.getCurrentUrl() + ", which shows:\n" + driver.getPageSource(),
          e);
    }
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** Clicks a button that leaves the page, and waits for the next page. */
  public Browser submit(By button) {
    driver.executeScript("window.__leaving = true;");
    find(button).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return window.__leaving === undefined"
                            + " && document.readyState === 'complete';")));
    return this;
  }

  /** Waits until the element's text contains {@code text}. */
  public void waitForText(By by, String text, Duration within) {
    new WebDriverWait(driver, within)
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Writes a screenshot of the page as {@code target/console-screenshots/name.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Path file = SHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts the page logged no error to the browser's console, and that everything it loaded came
   * from the service's own origin.
   */
  public void assertCleanAndLocal() {
    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).as("errors in the browser's console").isEmpty();
    @SuppressWarnings("unchecked")
    List<String> loaded =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat([location.href]);");
    assertThat(loaded).allSatisfy(url -> assertThat(url).startsWith(base));
  }

  /** The page's load time as the browser measured it, in milliseconds. */
  public long loadMillis() {
    Object ms =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                    + " return n ? Math.round(n.responseEnd - n.requestStart) : -1;");
    return ((Number) ms).longValue();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
