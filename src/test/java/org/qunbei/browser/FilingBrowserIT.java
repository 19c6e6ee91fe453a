package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A clerk files a group in a real browser: fills the whole form, gets a Chinese error for a bad
 * mobile number with everything else kept, corrects it, submits and sees the filing number.
 */
class FilingBrowserIT extends BrowserTest {

  @Test
  void anApplicantFillsTheWholeFormCorrectsAMobileNumberAndSubmits() {
    login("applicant");
    driver.get(url("/filings/new"));
    assertThat(driver.getTitle()).contains("填写备案表");

    click("#groupType-QQ");
    type("#groupName", "计算机学院科研项目协作群");
    type("#groupNumber", "734219088");
    date("#createdOn", LocalDate.now().minusMonths(2));
    type("#memberCount", "56");
    click("#composition-INTERNAL");
    click("#composition-EXTERNAL_PARTNERS");
    type("#compositionDetails", "本院教师20人，合作企业工程师36人");
    click("#purposes-SPECIAL_PROJECT");
    click("#purposes-OTHER");
    assertThat(driver.findElement(By.id("purposeOther")).isDisplayed()).isTrue();
    type("#purposeOther", "项目验收材料交接");
    click("#lifetime-SHORT_TERM");
    date("#dissolveBy", LocalDate.now().plusMonths(6));
    type("#team0-name", "王建国");
    type("#team0-title", "副院长");
    type("#team0-officePhone", "010-62780001");
    type("#team0-mobile", "1380101"); // one digit short of nothing: a bad mobile number
    type("#team1-name", "李晓梅");
    type("#team1-title", "科研秘书");
    type("#team1-mobile", "13801010002");
    type("#team1-duties", "成员准入审核、通知发布");
    assertThat(driver.findElement(By.id("steward-name")).isDisplayed()).isTrue();
    type("#steward-name", "李晓梅");
    type("#steward-title", "科研秘书");
    type("#steward-mobile", "13801010002");
    type("#publishingScope", "可发布：项目进度、会议通知。禁止：涉密信息、广告。");
    type("#admission", "邀请制；企业人员须提供合作协议。");
    type("#exit", "项目结束后企业人员退出；离职人员当日移出。");
    click("#retain-true");
    type("#retention-period", "3年");
    type("#incidentResponse", "发现不良信息立即删除并上报学院及学校网信办。");
    click("#commitmentAccepted");
    Browser.screenshot(driver, "01-form-filled");

    click("#submit");
    WebElement error = driver.findElement(By.cssSelector("[data-error-for='team[0].mobile']"));
    assertThat(error.getText()).contains("手机号码格式不正确");
    assertThat(driver.findElement(By.id("team0-mobile")).getAttribute("class"))
        .contains("is-invalid");
    // Everything else typed is still there.
    assertThat(value("#groupName")).isEqualTo("计算机学院科研项目协作群");
    assertThat(value("#team0-mobile")).isEqualTo("1380101");
    assertThat(value("#purposeOther")).isEqualTo("项目验收材料交接");
    assertThat(driver.findElement(By.id("publishingScope")).getAttribute("value")).contains("项目进度");
    assertThat(driver.findElement(By.id("composition-EXTERNAL_PARTNERS")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("retain-true")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("commitmentAccepted")).isSelected()).isTrue();
    Browser.screenshot(driver, "02-mobile-error");

    driver.findElement(By.id("team0-mobile")).clear();
    type("#team0-mobile", "13801010001");
    click("#submit");

    String number = driver.findElement(By.id("filing-number")).getText();
    assertThat(number).matches("QB-" + LocalDate.now().getYear() + "-\\d{5}");
    assertThat(driver.findElement(By.id("notice")).getText()).contains(number);
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("审批中");
    assertThat(driver.findElement(By.id("group-name")).getText()).isEqualTo("计算机学院科研项目协作群");
    Browser.screenshot(driver, "03-submitted");

    driver.get(url("/filings/mine"));
    assertThat(driver.findElement(By.id("results")).getText()).contains(number, "计算机学院科研项目协作群");
  }

  @Test
  void htmlTypedIntoAFieldIsShownAsText() {
    login("applicant");
    driver.get(url("/filings/new"));
    type("#groupName", "<img src=x onerror=\"document.title='pwned'\">");
    click("#save");
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("草稿已保存");
    assertThat(value("#groupName")).isEqualTo("<img src=x onerror=\"document.title='pwned'\">");
    driver.get(url("/filings/mine"));
    assertThat(driver.getTitle()).doesNotContain("pwned");
    assertThat(driver.findElement(By.id("results")).getText()).contains("<img src=x");
  }

  @Test
  void theGroupQrIsUploadedAndReadAndAnOversizeFileIsRefused() throws Exception {
    login("applicant");
    driver.get(url("/filings/new"));
    type("#groupName", "二维码上传测试群");
    click("#save");
    // Saved, the draft's own edit page: its address is where the test comes back to.
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().endsWith("/filings/new"));
    String edit = driver.getCurrentUrl();
    java.nio.file.Path qr = java.nio.file.Files.createTempFile("qr", ".png");
    java.nio.file.Files.write(
        qr, org.qunbei.support.Samples.qrPng("https://weixin.qq.com/g/qunbei-demo"));
    driver.findElement(By.id("qr-file")).sendKeys(qr.toString());
    click("#qr button[type=submit]");
    assertThat(driver.findElement(By.id("qr-content")).getText())
        .isEqualTo("https://weixin.qq.com/g/qunbei-demo");
    Browser.screenshot(driver, "05-qr-uploaded");

    // Over the image limit: refused beside the upload, the earlier QR code kept.
    java.nio.file.Path big = java.nio.file.Files.createTempFile("big", ".png");
    java.nio.file.Files.write(big, new byte[5 * 1024 * 1024]);
    driver.findElement(By.id("qr-file")).sendKeys(big.toString());
    click("#qr button[type=submit]");
    assertThat(driver.findElement(By.id("qr-error")).getText()).isEqualTo("群二维码：图片不能超过2MB");
    assertThat(driver.findElement(By.id("qr-content")).getText())
        .isEqualTo("https://weixin.qq.com/g/qunbei-demo");

    // Over any upload the server takes: the error page, and nothing typed is lost.
    java.nio.file.Path huge = java.nio.file.Files.createTempFile("huge", ".png");
    java.nio.file.Files.write(huge, new byte[12 * 1024 * 1024]);
    driver.findElement(By.id("qr-file")).sendKeys(huge.toString());
    click("#qr button[type=submit]");
    assertThat(driver.findElement(By.cssSelector("p.lead")).getText()).isEqualTo("上传的文件过大");
    assertThat(driver.findElement(By.cssSelector("section ul.text-danger")).getText())
        .startsWith("群二维码：上传的文件过大");
    // (The refused uploads answered their POST with a page: back again is the form, afresh.)
    driver.get(edit);
    assertThat(value("#groupName")).isEqualTo("二维码上传测试群");
    assertThat(driver.findElement(By.id("qr-content")).getText())
        .isEqualTo("https://weixin.qq.com/g/qunbei-demo");
  }

  @Test
  void whatWasTypedSurvivesAnExpiredSession() {
    login("applicant");
    driver.get(url("/filings/new"));
    type("#groupName", "会话过期前填写的群");
    click("#composition-SERVICE_RECIPIENTS");
    type("#publishingScope", "很长的一段发布范围说明");
    // The session expires while the clerk types: the browser still sends its old cookie.
    driver.manage().deleteCookieNamed("JSESSIONID");
    driver
        .manage()
        .addCookie(
            new org.openqa.selenium.Cookie("JSESSIONID", "EXPIRED0000000000000000000000000"));
    click("#save");
    assertThat(driver.findElement(By.id("expired")).getText()).contains("登录已过期");
    assertThat(driver.getCurrentUrl()).contains("/login?expired");

    login("applicant");
    driver.get(url("/filings/new"));
    assertThat(value("#groupName")).isEmpty();
    click("#restore");
    assertThat(value("#groupName")).isEqualTo("会话过期前填写的群");
    assertThat(driver.findElement(By.id("composition-SERVICE_RECIPIENTS")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("publishingScope")).getAttribute("value"))
        .isEqualTo("很长的一段发布范围说明");
    assertThat(driver.findElement(By.id("steward-name")).isDisplayed()).isTrue();

    click("#save");
    assertThat(driver.findElement(By.id("notice")).getText()).isEqualTo("草稿已保存");
    driver.get(url("/filings/new"));
    assertThat(driver.findElements(By.id("restore-bar"))).isEmpty();
  }

  @Test
  void signingOutWipesTheBrowsersCopyOfAnUnsavedFormWithItsMobiles() {
    login("applicant");
    driver.get(url("/filings/new"));
    type("#groupName", "共用电脑上填写的群");
    type("#team0-mobile", "13912345678");
    assertThat(
            (String)
                ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return JSON.stringify(localStorage)"))
        .contains("13912345678");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
    click("form[data-sign-out] button");
    assertThat(
            (String)
                ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return JSON.stringify(localStorage)"))
        .doesNotContain("13912345678")
        .doesNotContain("qunbei-form:");
    login("applicant");
    driver.get(url("/filings/new"));
    assertThat(driver.findElements(By.id("restore-bar"))).isEmpty();
  }

  @Test
  void theCyberspaceOfficeFiltersTheRegistryOnAPhone() {
    Browser.resize(driver, 390, 844);
    login("cyberoffice");
    driver.get(url("/registry?type=QQ"));
    assertThat(driver.findElement(By.id("results")).getText())
        .contains("数学竞赛培训QQ群")
        .doesNotContain("毕业设计");
    Browser.screenshot(driver, "04-registry-phone");
  }

  private void date(String css, LocalDate d) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
            driver.findElement(By.cssSelector(css)),
            d.toString());
  }
}
