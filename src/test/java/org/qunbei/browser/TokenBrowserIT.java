package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.qunbei.support.Api;

/** A clerk makes a token for a script, copies it once, sees it used, and revokes it. */
class TokenBrowserIT extends BrowserTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aTokenIsShownOnceWorksForTheApiAndCanBeRevoked() {
    login("applicant");
    driver.get(url("/account/tokens"));
    type("#days", "400");
    click("#create-token");
    assertThat(driver.findElement(By.id("token-errors")).getText())
        .contains("请填写令牌名称（用途）", "有效天数必须是 1 到 365 之间的整数");
    assertThat(value("#days")).isEqualTo("400");

    driver.findElement(By.id("days")).clear();
    type("#days", "30");
    type("#name", "人事系统同步");
    click("#create-token");
    String token = value("#new-token");
    assertThat(token).startsWith("qb_");
    Browser.screenshot(driver, "30-token-created");
    assertThat(Api.bearer(port, token).get("/api/tasks").status()).isEqualTo(200);
    // Shown on the POST's own response: the secret never rests in a session row.
    assertThat(
            jdbc
                .queryForList("select ATTRIBUTE_BYTES from SPRING_SESSION_ATTRIBUTES", byte[].class)
                .stream()
                .map(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)))
        .noneMatch(b -> b.contains(token));
    assertThat(driver.getCurrentUrl()).endsWith("/account/tokens");

    // A reload reads the page again (the address was replaced): no second token, no secret.
    driver.navigate().refresh();
    assertThat(driver.findElements(By.id("new-token"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(token);
    assertThat(driver.findElement(By.id("tokens")).getText())
        .contains("人事系统同步", token.substring(0, 8));
    assertThat(driver.findElements(By.cssSelector("#tokens tbody tr"))).hasSize(1);

    click("#tokens button[type=submit]");
    assertThat(driver.findElement(By.id("notice")).getText()).contains("已撤销");
    assertThat(driver.findElement(By.id("tokens")).getText()).contains("已撤销");
    assertThat(Api.bearer(port, token).get("/api/tasks").status()).isEqualTo(401);
  }
}
