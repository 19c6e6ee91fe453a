package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qunbei.accounts.Directory;
import org.qunbei.notify.RobotDispatcher;
import org.qunbei.support.Api;
import org.qunbei.support.FakeWebhook;
import org.qunbei.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Notices that land on the task, in a real browser: the administrator sets up a DingTalk robot on
 * its page, a local HTTP server standing in for the webhook receives the post when a filing is
 * submitted, and the link it carries — opened signed out — asks the department head to sign in and
 * then shows the decision form. The applicant of a returned filing opens the notice from the list
 * and finds the form headed by why it came back.
 */
class NoticeLinksBrowserIT extends BrowserTest {

  static final FakeWebhook hook = FakeWebhook.start();

  @Autowired RobotDispatcher robots;
  @Autowired Directory directory;

  @AfterAll
  static void stop() {
    hook.close();
  }

  long submitted() {
    long id =
        Api.as(port, "applicant")
            .post("/api/filings", Samples.example().toString())
            .json()
            .path("id")
            .asLong();
    assertThat(Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);
    return id;
  }

  @Test
  void theLinkARobotPostsOpensTheDecisionFormOnceSignedIn() throws Exception {
    login("admin");
    driver.get(url("/admin/robots"));
    type("#name", "计算机学院审批群");
    new Select(driver.findElement(By.id("kind"))).selectByValue("DINGTALK");
    type("#url", hook.url("/robot/send?access_token=browser"));
    type("#secret", "SECbrowser");
    new Select(driver.findElement(By.id("department"))).selectByValue("CS");
    new Select(driver.findElement(By.id("step"))).selectByValue("DEPARTMENT");
    click("#save-robot");
    assertThat(driver.findElement(By.id("notice")).getText()).contains("计算机学院审批群");
    WebElement row = driver.findElement(By.cssSelector("#robots tbody tr"));
    assertThat(row.getText()).contains("钉钉", "已加签", "所属部门审核", "尚未发送");
    // The test button posts at once and the page says it went.
    row.findElement(By.cssSelector(".robot-test")).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("notice")).getText().contains("测试消息已发送"));
    assertThat(driver.findElement(By.cssSelector("#robots .robot-last")).getText()).contains("已发送");
    logout();
    hook.clear();

    long id = submitted();
    assertThat(robots.sendDue()).isEqualTo(1);
    JsonNode post = Api.JSON.readTree(hook.received().get(0).body());
    assertThat(post.path("msgtype").asString()).isEqualTo("markdown");
    String text = post.path("markdown").path("text").asString();
    Matcher link =
        Pattern.compile("\\((http://localhost:\\d+/filings/(\\d+)#decide)\\)").matcher(text);
    assertThat(link.find()).as(text).isTrue();
    assertThat(link.group(2)).isEqualTo(String.valueOf(id));

    // Opened signed out: the sign-in page first, then the filing's decision form.
    driver.get(link.group(1));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/login"));
    type("#username", "depthead");
    type("#password", "demo123");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/filings/" + id));
    // Back on the filing, the browser still at its decision form (the sign-in kept the "#decide").
    java.net.URI landed = java.net.URI.create(driver.getCurrentUrl());
    assertThat(landed.getPath()).isEqualTo("/filings/" + id);
    assertThat(landed.getFragment()).isEqualTo("decide");
    WebElement decide = driver.findElement(By.id("decide"));
    assertThat(decide.isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("decide-submit")).isDisplayed()).isTrue();
  }

  @Test
  void aReturnedFilingsNoticeOpensItsFormHeadedByWhyItCameBack() {
    long id = submitted();
    Api.as(port, "depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"RETURN\",\"opinion\":\"请补充群成员名单\"}");
    String head = directory.contact("depthead").orElseThrow().displayName();

    login("applicant");
    driver.get(url("/notices"));
    WebElement notice = driver.findElement(By.cssSelector("#notices a.notice"));
    assertThat(notice.getText()).contains("被退回修改", head, "请补充群成员名单");
    assertThat(notice.getAttribute("class")).contains("unread");
    notice.click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/filings/" + id + "/edit"));

    WebElement returned = driver.findElement(By.id("returned"));
    assertThat(returned.getText()).contains("已被退回修改", "所属部门审核", head, "请补充群成员名单");
    // It heads the page: above the form and its first field.
    assertThat(returned.getLocation().getY())
        .isLessThan(driver.findElement(By.id("filing-form")).getLocation().getY());

    // Opened, the notice is read.
    driver.get(url("/notices"));
    assertThat(driver.findElement(By.cssSelector("#notices a.notice")).getAttribute("class"))
        .doesNotContain("unread");
  }
}
