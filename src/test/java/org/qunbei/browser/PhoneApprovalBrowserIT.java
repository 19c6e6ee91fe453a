package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;

/**
 * A department head approves on a 390 px phone: the inbox says who asks, from where, for what and
 * how long it has waited; the decision page fits the screen with its sections folded and the
 * decision bar in reach; three filings are approved in one batch, each on its own record.
 */
class PhoneApprovalBrowserIT extends BrowserTest {

  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  private long submitted(String groupName) {
    var body = Samples.example();
    if (groupName != null) {
      body.put("groupName", groupName);
    }
    var applicant = Api.as(port, "applicant");
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    assertThat(applicant.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    return id;
  }

  @Test
  void thePhoneIsEmulatedAt390Pixels() {
    driver.get(url("/login"));
    assertThat(
            ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.clientWidth"))
        .isEqualTo(390L);
  }

  @Test
  void theInboxAndTheDecisionPageFitAPhoneAndThreeFilingsAreApprovedInOneBatch() {
    // A long unbroken name is what pushes a phone page sideways, if anything does.
    long a = submitted("计算机学院2026级研究生新生入学教育与学籍管理工作通知群" + System.nanoTime() % 1000);
    long b = submitted(null);
    long c = submitted(null);
    assertThat(Api.as(port, "applicant").post("/api/filings/" + b + "/urge", "").status())
        .isEqualTo(202);

    login("depthead");
    driver.get(url("/tasks"));
    var row = driver.findElement(By.cssSelector("#tasks li[data-filing='" + b + "']"));
    assertThat(row.getText()).contains("张明", "计算机学院", "新建", "已等待", "已催办");
    assertThat(driver.findElement(By.id("tab-waiting")).getAttribute("aria-current"))
        .isEqualTo("page");
    Browser.screenshot(driver, "40-inbox-phone");
    assertThat(PhoneWidth.overflowing(driver)).as("inbox at 390 px").isEmpty();

    driver.findElement(By.cssSelector("#tasks li[data-filing='" + a + "'] a")).click();
    assertThat(driver.findElement(By.id("task-summary")).getText()).contains("张明", "计算机学院");
    assertThat(driver.findElement(By.id("holder")).getText()).contains("所属部门", "已等待");
    // Folded to their headings on a phone; the opinions (五) stay open.
    assertThat(driver.findElement(By.id("section-2")).getAttribute("open")).isNull();
    assertThat(driver.findElement(By.id("approvals")).isDisplayed()).isTrue();
    // The decision bar is on the screen before any scrolling.
    var bar = driver.findElement(By.id("decision-bar"));
    var js = (JavascriptExecutor) driver;
    double barBottom =
        ((Number) js.executeScript("return arguments[0].getBoundingClientRect().bottom", bar))
            .doubleValue();
    double screen = ((Number) js.executeScript("return window.innerHeight")).doubleValue();
    assertThat(barBottom).isLessThanOrEqualTo(screen + 0.5);
    Browser.screenshot(driver, "41-decide-phone");
    assertThat(PhoneWidth.overflowing(driver)).as("decision page at 390 px").isEmpty();
    // Opening a folded section is one tap, and what every section shows fits too.
    click("#section-2 > summary");
    assertThat(driver.findElement(By.id("team")).isDisplayed()).isTrue();
    PhoneWidth.unfold(driver);
    assertThat(PhoneWidth.overflowing(driver)).as("sections opened at 390 px").isEmpty();
    // The bar's 退回修改 goes to the form with that choice made.
    click("#decision-bar [data-decide=RETURN]");
    assertThat(driver.findElement(By.id("decision-RETURN")).isSelected()).isTrue();

    driver.get(url("/tasks"));
    for (long id : List.of(a, b, c)) {
      click("#pick-" + id);
    }
    assertThat(driver.findElement(By.id("batch-count")).getText()).isEqualTo("3");
    driver.findElement(By.id("batch-opinion")).sendKeys("学院同意，批量审批");
    click("#batch-approve");
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
    driver.switchTo().alert().accept();
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已批量同意 3 份备案");
    assertThat(driver.findElements(By.cssSelector("#tasks li[data-filing='" + a + "']"))).isEmpty();
    Browser.screenshot(driver, "42-batch-done-phone");

    // Each decided on its own record, with the one opinion.
    List<String> opinions = new ArrayList<>();
    for (long id : List.of(a, b, c)) {
      var f = Api.as(port, "applicant").get("/api/filings/" + id).json();
      assertThat(f.path("currentStep").asString()).isEqualTo("CONFIDENTIALITY");
      var decisions = f.path("decisions");
      assertThat(decisions.size()).isEqualTo(1);
      opinions.add(decisions.get(0).path("opinion").asString());
    }
    assertThat(opinions).containsOnly("学院同意，批量审批");

    // 我已审批 lists them, and fits the phone too.
    driver.get(url("/tasks/done"));
    assertThat(driver.findElement(By.id("done")).getText()).contains("学院同意，批量审批");
    assertThat(driver.findElements(By.cssSelector("#done li[data-filing='" + c + "']"))).hasSize(1);
    assertThat(PhoneWidth.overflowing(driver)).as("我已审批 at 390 px").isEmpty();
  }

  @Test
  void aFilingWithdrawnWhileTheListWasOpenIsNamedAndTheOthersAreDecided() {
    long kept = submitted(null);
    long withdrawn = submitted(null);
    login("depthead");
    driver.get(url("/tasks"));
    click("#pick-" + kept);
    click("#pick-" + withdrawn);
    // Meanwhile the applicant takes one back.
    long version =
        Api.as(port, "applicant").get("/api/filings/" + withdrawn).json().path("version").asLong();
    assertThat(
            Api.as(port, "applicant").post("/api/filings/" + withdrawn + "/withdraw", "").status())
        .isEqualTo(200);
    click("#batch-approve");
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
    driver.switchTo().alert().accept();
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已批量同意 1 份备案");
    var refused =
        driver.findElement(By.cssSelector("#batch-refused li[data-filing='" + withdrawn + "']"));
    assertThat(refused.getText()).contains("QB-");
    assertThat(version).isPositive();
    assertThat(
            Api.as(port, "applicant")
                .get("/api/filings/" + kept)
                .json()
                .path("currentStep")
                .asString())
        .isEqualTo("CONFIDENTIALITY");
    assertThat(
            Api.as(port, "applicant")
                .get("/api/filings/" + withdrawn)
                .json()
                .path("status")
                .asString())
        .isEqualTo("DRAFT");
  }

  @Test
  void aBatchWithNothingTickedSaysSoAndKeepsTheOpinion() {
    long id = submitted(null);
    login("depthead");
    driver.get(url("/tasks"));
    driver.findElement(By.id("batch-opinion")).sendKeys("同意，请按规范管理");
    click("#batch-approve");
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
    driver.switchTo().alert().accept();
    assertThat(driver.findElement(By.id("batch-error")).getText()).isEqualTo("请至少勾选一份备案");
    assertThat(value("#batch-opinion")).isEqualTo("同意，请按规范管理");
    assertThat(driver.findElements(By.cssSelector("#tasks li[data-filing='" + id + "']")))
        .hasSize(1);
  }
}
