package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;

/**
 * The applicant submits; each of the four approvers logs in on a phone, finds the filing in the
 * inbox and approves it; the filing then shows FILED with four opinions in section 五.
 */
class ApprovalBrowserIT extends BrowserTest {

  @Override
  org.openqa.selenium.Dimension window() {
    return new Dimension(390, 844);
  }

  @Test
  void fourApproversApproveOnTheirPhonesAndTheFilingIsFiled() {
    var body = Samples.example();
    String name = body.path("groupName").asString();
    var created = Api.as(port, "applicant").post("/api/filings", body.toString());
    long id = created.json().path("id").asLong();
    login("applicant");
    driver.get(url("/filings/" + id + "/edit"));
    click("#submit");
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("审批中");
    logout();

    String[][] approvers = {
      {"depthead", "学院同意备案"}, {"secrecy", "已核查保密要求"}, {"cyberoffice", "同意纳入学校台账"}, {"leader", ""}
    };
    for (String[] a : approvers) {
      login(a[0]);
      driver.get(url("/tasks"));
      // On a phone the count stands beside the menu button, not inside the folded menu.
      assertThat(driver.findElement(By.id("task-count-phone")).getText()).startsWith("待审 ");
      driver.findElement(By.partialLinkText(name)).click();
      if (a[0].equals("depthead")) {
        Browser.screenshot(driver, "10-decide-phone");
      }
      if (!a[1].isEmpty()) {
        driver.findElement(By.id("opinion")).sendKeys(a[1]);
      }
      click("#decide-submit");
      assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已提交审批意见");
      assertThat(driver.findElements(By.partialLinkText(name))).isEmpty();
      logout();
    }

    login("applicant");
    driver.get(url("/filings/" + id));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("已备案");
    String record = driver.findElement(By.id("approvals")).getText();
    assertThat(record).contains("学院同意备案", "已核查保密要求", "同意纳入学校台账", "同意备案");
    assertThat(driver.findElements(By.cssSelector("#timeline li.tl-DECIDED"))).hasSize(4);
    Browser.resize(driver, 1280, 1000);
    Browser.screenshot(driver, "11-filed");
  }

  @Test
  void returnNeedsAnOpinionAndKeepsWhatWasTyped() {
    var created = Api.as(port, "applicant").post("/api/filings", Samples.example().toString());
    long id = created.json().path("id").asLong();
    Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "");
    login("depthead");
    driver.get(url("/filings/" + id));
    click("#decision-RETURN");
    click("#decide-submit");
    assertThat(driver.findElement(By.id("decision-error")).getText())
        .isEqualTo("退回修改或不予备案时须填写审核意见");
    assertThat(driver.findElement(By.id("decision-RETURN")).isSelected()).isTrue();
    driver.findElement(By.id("opinion")).sendKeys("请补充企业导师名单");
    click("#decide-submit");
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已提交审批意见");
    assertThat(Api.as(port, "applicant").get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("RETURNED");
  }

  @Test
  void rejectingAndWithdrawingAskFirstAndAnAnswerOfNoChangesNothing() {
    var applicant = Api.as(port, "applicant");
    long id =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");

    // The applicant's withdraw asks; "no" leaves it in review, "yes" makes it a draft again.
    login("applicant");
    driver.get(url("/filings/" + id));
    click("#withdraw");
    var ask = driver.switchTo().alert();
    assertThat(ask.getText()).contains("撤回后本备案表回到草稿");
    ask.dismiss();
    assertThat(applicant.get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("IN_REVIEW");
    click("#withdraw");
    driver.switchTo().alert().accept();
    assertThat(driver.findElement(By.id("notice")).getText()).isNotBlank();
    assertThat(applicant.get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("DRAFT");
    applicant.post("/api/filings/" + id + "/submit", "");
    logout();

    // Approving asks nothing; rejecting asks, and "no" keeps the opinion typed.
    login("depthead");
    driver.get(url("/filings/" + id));
    click("#decision-REJECT");
    driver.findElement(By.id("opinion")).sendKeys("与已备案的群重复");
    click("#decide-submit");
    var reject = driver.switchTo().alert();
    assertThat(reject.getText()).contains("确定不予备案吗");
    reject.dismiss();
    assertThat(driver.findElement(By.id("opinion")).getAttribute("value")).isEqualTo("与已备案的群重复");
    assertThat(applicant.get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("IN_REVIEW");
    click("#decide-submit");
    driver.switchTo().alert().accept();
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已提交审批意见");
    assertThat(applicant.get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("REJECTED");
  }
}
