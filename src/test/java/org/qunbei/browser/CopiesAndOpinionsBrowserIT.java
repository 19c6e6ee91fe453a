package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;

/**
 * On a 390 px phone: the department's head taps a stock opinion and finds it in the opinion box,
 * copies the filing to a colleague of another office, who finds it bold and unread under 抄送我的,
 * opens it and finds it read; no element of the list or of the stock opinions page is wider than
 * the screen.
 */
class CopiesAndOpinionsBrowserIT extends BrowserTest {

  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  /** The elements wider than the viewport, and the page's own width if it scrolls sideways. */
  List<String> wider() {
    return wider("body");
  }

  /** The elements under {@code scope} wider than the viewport. */
  @SuppressWarnings("unchecked")
  List<String> wider(String scope) {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                    + "if (arguments[0] === 'body' && document.documentElement.scrollWidth > w) {"
                    + "  out.push('page ' + document.documentElement.scrollWidth + ' > ' + w); }"
                    + "document.querySelectorAll(arguments[0] + ' *').forEach(function (e) {"
                    + "  var r = e.getBoundingClientRect();"
                    + "  if (r.width > w + 0.5) { out.push(e.tagName + '#' + e.id + '.' + e.className"
                    + "    + ' ' + Math.round(r.width)); } });"
                    + "return out;",
                scope);
  }

  @Test
  void aTapFillsTheOpinionAndACopyIsReadOnAPhone() {
    var body = Samples.example();
    String group = body.path("groupName").asString();
    Api applicant = Api.as(port, "applicant");
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");

    login("depthead");
    driver.get(url("/filings/" + id));
    click("#stock-opinions [data-opinion='情况属实，同意']");
    assertThat(value("#opinion")).isEqualTo("情况属实，同意");
    click("#stock-opinions [data-opinion='同意备案']");
    assertThat(value("#opinion")).as("a second tap replaces the first").isEqualTo("同意备案");
    Browser.screenshot(driver, "60-stock-opinions-phone");
    // The chips and the copy card fit the phone, however the rest of the filing's page does.
    assertThat(wider("#decide")).as("wider than the screen in the decision form").isEmpty();
    assertThat(wider("#copy")).as("wider than the screen in the 抄送 card").isEmpty();

    // Copy it to the party office, with a note.
    new Select(driver.findElement(By.id("copy-users"))).selectByValue("partyoffice");
    type("#copy-note", "请党政办知悉");
    click("#copy-submit");
    assertThat(driver.findElement(By.id("copy-notice")).getText()).isEqualTo("已抄送1人");
    assertThat(driver.findElement(By.id("copy-sent")).getText()).contains("（未读）");
    // The opinion form is still there to decide with.
    click("#stock-opinions [data-opinion='同意，请按规范管理群成员']");
    click("#decide-submit");
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("已提交审批意见");
    assertThat(
            applicant
                .get("/api/filings/" + id)
                .json()
                .path("decisions")
                .get(0)
                .path("opinion")
                .asString())
        .isEqualTo("同意，请按规范管理群成员");

    driver.get(url("/account/opinions"));
    assertThat(driver.findElement(By.id("school-opinions")).getText()).contains("同意备案");
    assertThat(wider()).as("wider than the screen on /account/opinions").isEmpty();
    Browser.screenshot(driver, "61-opinions-page-phone");
    logout();

    login("partyoffice");
    driver.get(url("/copies"));
    var row = driver.findElement(By.cssSelector("#copies a[data-filing='" + id + "']"));
    assertThat(row.getText()).contains(group, "未读", "请党政办知悉", "计算机学院");
    assertThat(row.getAttribute("class")).contains("fw-bold");
    assertThat(driver.findElement(By.id("tab-copies")).getText()).contains("抄送我的");
    assertThat(wider()).as("wider than the screen on /copies").isEmpty();
    Browser.screenshot(driver, "62-copies-phone");
    click("#copies a[data-filing='" + id + "']");
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("审批中");
    assertThat(driver.findElements(By.id("decide"))).isEmpty();
    driver.get(url("/copies"));
    row = driver.findElement(By.cssSelector("#copies a[data-filing='" + id + "']"));
    assertThat(row.getAttribute("class")).doesNotContain("fw-bold");
    assertThat(row.getText()).doesNotContain("未读");
    List<String> violations = Axe.violations(driver);
    assertThat(violations).as("axe on /copies").isEmpty();
  }
}
