package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import tools.jackson.databind.node.ObjectNode;

/**
 * The applicant files a change of a filed group on a phone; the cyberspace office, deciding its
 * step, sees what changed against the current version, and the two versions side by side.
 */
class ChangeBrowserIT extends BrowserTest {

  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  long filed() {
    ObjectNode body = Samples.example();
    String number = String.valueOf(100000 + System.nanoTime() % 899999);
    body.put("groupType", "QQ").put("groupNumber", number).put("groupName", "浏览器变更群" + number);
    var applicant = Api.as(port, "applicant");
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    for (String approver : new String[] {"depthead", "secrecy", "cyberoffice", "leader"}) {
      Api.as(port, approver)
          .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\"}");
    }
    return id;
  }

  @Test
  void aChangeFiledOnAPhoneIsReviewedAgainstTheCurrentVersion() {
    long first = filed();
    String oldName =
        Api.as(port, "applicant").get("/api/filings/" + first).json().path("groupName").asString();

    login("applicant");
    driver.get(url("/filings/" + first));
    // The date picker of a phone is the browser's own; the value it sets is what is typed here.
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById('changedOn').value = arguments[0]",
            LocalDate.now().minusDays(1).toString());
    type("#reason", "群名称调整为新学期名称");
    Browser.screenshot(driver, "60-change-start-phone");
    click("#start-change");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/edit"));
    var name = driver.findElement(By.id("groupName"));
    name.clear();
    name.sendKeys("浏览器变更后的群");
    click("#submit");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/edit"));
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("审批中");
    assertThat(driver.findElement(By.id("change-info")).getText()).contains("群名称调整为新学期名称");
    long change = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/filings/(\\d+).*", "$1"));
    logout();

    for (String approver : new String[] {"depthead", "secrecy"}) {
      Api.as(port, approver)
          .post("/api/filings/" + change + "/decisions", "{\"decision\":\"APPROVE\"}");
    }
    Browser.resize(driver, 1280, 1000);
    login("cyberoffice");
    driver.get(url("/filings/" + change));
    String review = driver.findElement(By.id("change-review")).getText();
    assertThat(review).contains("群名称", oldName, "浏览器变更后的群");
    assertThat(driver.findElements(By.cssSelector("#change-review tr.changed"))).hasSize(1);
    Browser.screenshot(driver, "61-change-review");

    click("#view-diff");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/diff"));
    assertThat(driver.findElements(By.cssSelector("#diff tbody tr[data-field]"))).hasSize(1);
    driver.get(url("/filings/" + change + "/diff?from=" + first));
    var changed = driver.findElements(By.cssSelector("#diff tr.changed"));
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).getAttribute("data-field")).isEqualTo("groupName");
    assertThat(changed.get(0).findElement(By.cssSelector(".from")).getText()).isEqualTo(oldName);
    assertThat(changed.get(0).findElement(By.cssSelector(".to")).getText()).isEqualTo("浏览器变更后的群");
    assertThat(driver.findElement(By.id("changed-count")).getText()).isEqualTo("共 1 处变化，已标出");
    Browser.screenshot(driver, "62-diff-desktop");
    Browser.resize(driver, 390, 844);
    Browser.screenshot(driver, "62-diff-phone");
    assertThat(Axe.violations(driver)).as("serious or critical accessibility violations").isEmpty();
  }
}
