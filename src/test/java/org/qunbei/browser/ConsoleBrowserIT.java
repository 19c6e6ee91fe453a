package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A school goes live: the system administrator adds a department and a person, the security
 * administrator makes the person an applicant, and the person signs in with the initial password,
 * must choose their own, and lands on 本部门备案.
 */
class ConsoleBrowserIT extends BrowserTest {

  void waitFor(String path) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(path));
  }

  @Test
  void aDepartmentAndAPersonAreAddedGrantedAndSignInForTheFirstTime() {
    login("admin");
    waitFor("/admin/users");
    driver.get(url("/admin/departments"));
    type("#code", "PHYSICS");
    type("#name", "物理学院");
    click("#create-department");
    waitFor("/admin/departments");
    assertThat(driver.findElement(By.cssSelector("#departments tr[data-code=PHYSICS]")).getText())
        .contains("物理学院");

    driver.get(url("/admin/users"));
    type("#username", "newbie");
    type("#name", "牛新");
    new Select(driver.findElement(By.id("department"))).selectByValue("PHYSICS");
    type("#staffNumber", "20260001");
    click("#create-user");
    waitFor("/admin/users/newbie");
    Matcher m =
        Pattern.compile("初始密码：(\\S+?)（").matcher(driver.findElement(By.id("notice")).getText());
    assertThat(m.find()).as("the initial password is shown once").isTrue();
    String initial = m.group(1);
    Browser.screenshot(driver, "70-new-account");
    logout();

    login("secadmin");
    driver.get(url("/admin/users/newbie"));
    click("#role-APPLICANT");
    type("#reason", "物理学院备案员");
    click("#save-roles");
    assertThat(driver.findElement(By.id("notice")).getText()).contains("角色已保存");
    logout();

    driver.get(url("/login"));
    type("#username", "newbie");
    type("#password", initial);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor("/account/password");
    assertThat(driver.findElement(By.id("must-change")).isDisplayed()).isTrue();
    type("#current", initial);
    type("#new", "short");
    type("#confirm", "short");
    click("#change-password");
    assertThat(driver.findElement(By.id("errors")).getText()).contains("至少需要8位");
    type("#current", initial);
    type("#new", "Physics#2026a");
    type("#confirm", "Physics#2026a");
    click("#change-password");
    waitFor("/filings/mine");
    Browser.screenshot(driver, "71-first-sign-in-lands");
  }
}
