package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** On a phone, 保密办 going away names 保密办（二）, then comes back early and cancels. */
class DelegationBrowserIT extends BrowserTest {

  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  /** How far the widest element reaches beyond the viewport, in CSS pixels (0 when none). */
  long overflow() {
    Object px =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var w = document.documentElement.clientWidth, max = 0;"
                    + "document.querySelectorAll('body *').forEach(function (e) {"
                    + "  var r = e.getBoundingClientRect(); if (r.width > 0) {"
                    + "  max = Math.max(max, r.right - w); } });"
                    + "return Math.max(max, document.documentElement.scrollWidth - w);");
    return Math.round(((Number) px).doubleValue());
  }

  void date(String css, LocalDate day) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]",
            driver.findElement(By.cssSelector(css)),
            day.toString());
  }

  @Test
  void aDelegationIsSetAndCancelledOnAPhoneWithNothingWiderThanTheScreen() {
    login("secrecy");
    driver.get(url("/account/delegations"));
    assertThat(overflow()).isLessThanOrEqualTo(0);
    assertThat(Axe.violations(driver)).isEmpty();

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    new Select(driver.findElement(By.id("delegate"))).selectByValue("secrecy2");
    date("#from", today.plusDays(3));
    date("#to", today.plusDays(1));
    click("#create-delegation");
    // Refused beside the field, nothing typed lost, still within the screen.
    assertThat(driver.findElement(By.id("to-error")).getText()).contains("结束日期不能早于开始日期");
    assertThat(value("#from")).isEqualTo(today.plusDays(3).toString());
    assertThat(new Select(driver.findElement(By.id("delegate"))).getFirstSelectedOption().getText())
        .isEqualTo("保密办（二）");
    assertThat(overflow()).isLessThanOrEqualTo(0);

    date("#to", today.plusDays(4));
    click("#create-delegation");
    assertThat(driver.findElement(By.id("notice")).getText()).contains("委托已设置");
    assertThat(driver.findElement(By.id("delegations")).getText())
        .contains("保密办（二）", today.plusDays(3).toString(), "未开始");
    assertThat(overflow()).isLessThanOrEqualTo(0);
    Browser.screenshot(driver, "40-delegation-phone");

    // The cancel button asks first: saying no changes nothing.
    click("#delegations button[type=submit]");
    driver.switchTo().alert().dismiss();
    assertThat(driver.findElement(By.id("delegations")).getText()).contains("未开始");
    click("#delegations button[type=submit]");
    assertThat(driver.switchTo().alert().getText()).contains("确定取消委托给保密办（二）");
    driver.switchTo().alert().accept();
    assertThat(driver.findElement(By.id("notice")).getText()).contains("委托已取消");
    assertThat(driver.findElement(By.id("delegations")).getText()).contains("已取消");
  }
}
