package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;

/**
 * The pages people use most, checked by axe-core for WCAG 2.1 AA (contrast, labels, names,
 * landmarks): none may have a serious or critical violation. And the same pages read in English.
 */
class AccessibilityBrowserIT extends BrowserTest {

  @Test
  void theTenMostUsedPagesHaveNoSeriousOrCriticalViolations() {
    Api applicant = Api.as(port, "applicant");
    long id =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    long submitted =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + submitted + "/submit", "");
    // A returned filing: its form opens with why it came back.
    long returned =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + returned + "/submit", "");
    Api.as(port, "depthead")
        .post(
            "/api/filings/" + returned + "/decisions",
            "{\"decision\":\"RETURN\",\"opinion\":\"请补充成员名单\"}");

    Map<String, String> found = new LinkedHashMap<>();
    driver.get(url("/login"));
    check(found, "/login");
    login("applicant");
    for (String page :
        List.of(
            "/filings/new",
            "/filings/" + id + "/edit",
            "/filings/" + returned + "/edit",
            "/filings/" + submitted,
            "/filings/mine",
            "/notices",
            "/account/tokens")) {
      driver.get(url(page));
      check(found, page);
    }
    logout();
    login("cyberoffice");
    for (String page :
        List.of("/registry", "/statistics", "/jobs", "/tasks", "/lifecycle/alerts", "/reviews")) {
      driver.get(url(page));
      check(found, page);
    }
    // A review round opened on its page: the office's progress, then a department's list.
    driver.findElement(org.openqa.selenium.By.id("title")).sendKeys("2026年度工作群复核");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('deadline').value = arguments[0]",
            java.time.LocalDate.now().plusDays(30).toString());
    click("#open");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().matches(".*/reviews/\\d+"));
    check(found, "/reviews/round");
    logout();
    login("applicant");
    driver.get(url("/reviews"));
    check(found, "/reviews/department");
    logout();
    login("admin");
    for (String page :
        List.of("/admin/calendar", "/admin/users", "/admin/departments", "/admin/robots")) {
      driver.get(url(page));
      check(found, page);
    }
    logout();
    login("secadmin");
    driver.get(url("/admin/users/applicant"));
    check(found, "/admin/users/applicant");
    logout();
    login("auditor");
    driver.get(url("/audit"));
    check(found, "/audit");
    assertThat(found).as("serious or critical accessibility violations, by page").isEmpty();
  }

  @Test
  void aPersonWhoReadsEnglishSwitchesOnceAndTheChoiceIsKept() {
    driver.get(url("/login"));
    assertThat(driver.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("登录");
    driver.findElement(By.cssSelector("#language a[lang=en]")).click();
    assertThat(driver.findElement(By.cssSelector("button[type=submit]")).getText())
        .isEqualTo("Sign in");
    login("applicant");
    driver.get(url("/filings/mine"));
    assertThat(driver.findElement(By.id("nav")).getText()).contains("Our filings", "Sign out");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    Browser.screenshot(driver, "40-english-mine");
    driver.get(url("/filings/new"));
    assertThat(driver.findElement(By.id("save")).getText()).isEqualTo("Save draft");
    assertThat(driver.findElement(By.id("filing-form")).getText())
        .contains("I. Basic information of the group", "Owner / primary responsible person")
        .contains("The department solemnly commits:");
    Browser.screenshot(driver, "41-english-form");
    // A submitted filing in English, whose labels run longer than the Chinese: it fits the desk
    // and the phone (the paper's boxes once ran past the page, the current step's badge too).
    var applicant = Api.as(port, "applicant");
    long id =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    driver.get(url("/filings/" + id));
    assertThat(driver.findElement(By.cssSelector(".paper")).getText())
        .contains("Cross-department collaboration");
    assertThat(PhoneWidth.overflowing(driver)).as("wider than the desk").isEmpty();
    var size = driver.manage().window().getSize();
    Browser.resize(driver, 390, 844);
    PhoneWidth.unfold(driver);
    assertThat(PhoneWidth.overflowing(driver)).as("wider than a 390 px phone").isEmpty();
    Browser.screenshot(driver, "42-english-filing-phone");
    Browser.resize(driver, size.width, size.height);
    driver.findElement(By.cssSelector("#language a[lang=zh-CN]")).click();
    assertThat(driver.findElement(By.id("nav")).getText()).contains("本部门备案", "退出");
  }

  private void check(Map<String, String> found, String page) {
    List<String> v = new ArrayList<>(Axe.violations(driver));
    if (!v.isEmpty()) {
      found.put(page, String.join("\n", v));
    }
    // Each page as a person sees it, on a laptop and on a 390 px phone, for review.
    String name = "50" + page.replaceAll("[^a-z0-9]+", "-");
    Browser.screenshot(driver, name + "-desktop");
    var size = driver.manage().window().getSize();
    Browser.resize(driver, 390, 844);
    Browser.screenshot(driver, name + "-phone");
    Browser.resize(driver, size.width, size.height);
  }
}
