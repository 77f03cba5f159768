package io.apex.temporal.it.support;

import io.apex.temporal.testkit.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver, both found at fixed paths (or
 * APEX_CHROMIUM / APEX_CHROMEDRIVER), so that Selenium Manager never looks for or downloads a
 * browser. A fresh profile per browser; its console log is read for errors.
 */
public final class ConsoleBrowser implements AutoCloseable {
  /** The two widths every view is photographed at: a laptop and a small phone. */
  public static final List<Dimension> WIDTHS =
      List.of(new Dimension(1280, 900), new Dimension(375, 812));

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screenshots;

  private ConsoleBrowser(ChromeDriver driver, Path profile, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /**
   * Starts the browser; fails under CI=true and skips elsewhere, with one line, when Chromium or
   * chromedriver is missing.
   */
  public static ConsoleBrowser start(Path screenshots) throws IOException {
    Path chromium = ExternalTool.CHROMIUM.require();
    Path chromedriver = ExternalTool.CHROMEDRIVER.require();
    Path profile = Files.createTempDirectory("apex-chromium-profile");
    Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    return new ConsoleBrowser(new ChromeDriver(service, options), profile, screenshots);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * The console's errors (entries at SEVERE, as "message" lines) since the last call: reading the
   * browser's log empties it, so each test sees its own.
   */
  public List<String> newConsoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * One screenshot of the current view at each width, {@code NAME-1280.png} and {@code
   * NAME-375.png}, as tall as the page (up to 4000 px); the window is back at the first width
   * afterwards.
   */
  public List<Path> screenshot(String name) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Dimension size : WIDTHS) {
      driver.manage().window().setSize(size);
      // The window's frame takes some of its height: add it, so the whole page is in the picture.
      long height =
          ((Number)
                  ((JavascriptExecutor) driver)
                      .executeScript(
                          "return document.documentElement.scrollHeight"
                              + " + window.outerHeight - window.innerHeight"))
              .longValue();
      driver
          .manage()
          .window()
          .setSize(new Dimension(size.width, (int) Math.min(4000, Math.max(size.height, height))));
      Path file = screenshots.resolve(name + "-" + size.width + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      files.add(file);
    }
    driver.manage().window().setSize(WIDTHS.get(0));
    return files;
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
