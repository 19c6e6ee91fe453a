package org.qunbei.browser;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app on H2 and a headless Chromium, with what a person does: log in, type, click. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

  @LocalServerPort int port;
  WebDriver driver;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  /** The window this test's person uses: a laptop unless a test says phone. */
  org.openqa.selenium.Dimension window() {
    return new org.openqa.selenium.Dimension(1280, 1000);
  }

  @BeforeEach
  void open() {
    driver = Browser.start(window().width, window().height);
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  void login(String user) {
    driver.get(url("/login"));
    type("#username", user);
    type("#password", "demo123");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().contains("/login"));
  }

  void logout() {
    ((JavascriptExecutor) driver)
        .executeScript("document.querySelector('form[action=\"/logout\"]').submit()");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/login"));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  void type(String css, String text) {
    driver.findElement(By.cssSelector(css)).sendKeys(text);
  }

  void click(String css) {
    WebElement e = driver.findElement(By.cssSelector(css));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", e);
    e.click();
  }

  String value(String css) {
    return driver.findElement(By.cssSelector(css)).getAttribute("value");
  }
}
