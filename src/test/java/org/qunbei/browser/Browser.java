package org.qunbei.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless. Where they are missing the browser tests are
 * skipped on a developer's machine, but fail under CI (CI=true), which installs them.
 */
final class Browser {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  /** Chrome does not make a window narrower than this: a phone is emulated instead. */
  static final int MIN_WINDOW = 500;

  private Browser() {}

  /**
   * A phone's screen, as Chrome's device emulation makes it: the layout viewport is exactly this
   * wide (a window of 390 px would silently be ~500), with touch and the phone's viewport rules.
   */
  static void phone(ChromeDriver driver, int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  static WebDriver start(int width, int height) {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            "Chromium and chromedriver must be installed under CI (.ci/run does it)");
      }
      Assumptions.abort(
          "Chromium/chromedriver not installed: apt-get install chromium chromium-driver");
    }
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
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
        "--accept-lang=zh-CN,zh",
        "--window-size=" + width + "," + height);
    // The person reads Chinese: the browser asks for it (Accept-Language), as most at a school do.
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    var driver = new ChromeDriver(service, options);
    if (width < MIN_WINDOW) {
      phone(driver, width, height);
    }
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    return driver;
  }

  /** A new window size: a phone's is emulated, a desktop's is the window's. */
  static void resize(WebDriver driver, int width, int height) {
    var chrome = (ChromeDriver) driver;
    if (width < MIN_WINDOW) {
      phone(chrome, width, height);
    } else {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }
  }

  /** The whole page, not just the window: the window grows to the page for the shot. */
  static void screenshot(WebDriver driver, String name) {
    var js = (org.openqa.selenium.JavascriptExecutor) driver;
    long width = (Long) js.executeScript("return window.innerWidth");
    long viewHeight = (Long) js.executeScript("return window.innerHeight");
    long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
    boolean emulated = width < MIN_WINDOW;
    var size = driver.manage().window().getSize();
    if (emulated) {
      phone((ChromeDriver) driver, (int) width, (int) height);
    } else {
      driver
          .manage()
          .window()
          .setSize(new org.openqa.selenium.Dimension(size.width, (int) height + 140));
    }
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (emulated) {
        phone((ChromeDriver) driver, (int) width, (int) viewHeight);
      } else {
        driver.manage().window().setSize(size);
      }
    }
  }
}
