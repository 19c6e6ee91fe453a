package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qunbei.support.Api;
import org.qunbei.support.Sheets;

/**
 * The cyberspace office's registry work in a browser: importing the paper-era filings from the
 * template, watching the job and reading its report; exporting the registry with a progress bar;
 * the statistics page drawing the same figures as its tables.
 */
class RegistryBrowserIT extends BrowserTest {

  @Test
  void theOfficeImportsPaperFilingsExportsTheRegistryAndReadsTheStatistics() throws Exception {
    Api cyber = Api.as(port, "cyberoffice");
    byte[] template = cyber.get("/registry/import/template").bytes();
    String tag = Long.toString(System.nanoTime(), 36);
    String[][] groups = {
      {"CS", "微信群", "", "本单位内部人员", "长期存续", ""},
      {"CS", "QQ群", "7" + tag.length() + "1234501", "本单位内部人员、包含服务对象", "长期存续", ""},
      {"MATH", "钉钉群", "9" + tag.length() + "7654301", "本单位内部人员", "短期（到期前解散）", "3"},
      {"MATH", "企业微信工作群", "", "包含外部合作单位人员", "短期（到期前解散）", "5"},
      {"计算机学院", "微信群", "", "本单位内部人员", "专项工作结束后解散", ""}
    };
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < groups.length; i++) {
      String[] g = groups[i];
      var changes = new java.util.HashMap<String, String>();
      changes.put("备案表编号", "纸-" + tag + "-" + i);
      changes.put("群名称", "纸质备案群" + tag + "-" + i);
      changes.put("所属部门", g[0]);
      changes.put("群类型", g[1]);
      changes.put("群号", g[2]);
      changes.put("群成员构成", g[3]);
      changes.put("预计存续期限", g[4]);
      if (!g[5].isEmpty()) {
        changes.put("解散日期", LocalDate.now().plusMonths(Long.parseLong(g[5])).toString());
      }
      if (g[3].contains("外部") || g[3].contains("服务对象")) {
        changes.put("外部成员审核人姓名", "李晓梅");
        changes.put("外部成员审核人职务", "教学秘书");
        changes.put("外部成员审核人办公电话", "010-62780002");
        changes.put("外部成员审核人手机", "13801010002");
      }
      rows.add(Sheets.exampleRow(template, changes));
    }
    rows.add(Sheets.exampleRow(template, Map.of("备案表编号", "纸-" + tag + "-x", "群主手机", "12345")));
    Path file = Files.createTempFile("paper-", ".xlsx");
    Files.write(file, Sheets.filled(template, rows));

    login("cyberoffice");
    driver.get(url("/registry"));
    click("#import-link");
    driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
    click("#import-submit");
    waitFor("#job-status [data-finished]");
    Browser.screenshot(driver, "20-import-report");
    assertThat(driver.findElement(By.id("job-status")).getText()).contains("导入 5 份备案", "1 行有误");
    assertThat(driver.findElement(By.id("issues")).getText()).contains("第 7 行", "群主手机");
    Browser.screenshot(driver, "20-import-report");

    driver.get(url("/registry?q=" + "纸质备案群" + tag));
    assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(5);
    driver.findElement(By.partialLinkText("纸质备案群" + tag + "-1")).click();
    assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("已备案");
    assertThat(driver.findElement(By.id("paper-origin")).getText()).contains("纸-" + tag + "-1");
    driver.navigate().back();
    click("#export");
    waitFor("#download");
    assertThat(driver.findElement(By.id("job-status")).getText()).contains("共 5 份备案");
    assertThat(driver.findElement(By.id("job-filters")).getText()).contains("关键词“纸质备案群" + tag);
    Browser.screenshot(driver, "21-export-done");
    String href = driver.findElement(By.id("download")).getAttribute("href");
    var download = cyber.get(href.substring(href.indexOf("/jobs/")));
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
      assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(5);
    }

    driver.get(url("/statistics"));
    var stats = cyber.get("/api/statistics").json();
    assertThat(driver.findElement(By.id("filed")).getText())
        .isEqualTo(Long.toString(stats.path("filed").asLong()));
    assertThat(stats.path("filed").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(driver.findElement(By.id("table-platform")).getText()).contains("钉钉群", "QQ群");
    assertThat(driver.findElement(By.id("table-month")).getText())
        .contains(LocalDate.now().plusMonths(3).getYear() + "年");
    // Chart.js drew each table: a canvas with pixels, not an empty box.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                (Boolean)
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return Chart.getChart(document.getElementById('chart-department')) != null"));
    Browser.screenshot(driver, "22-statistics");
  }

  private void waitFor(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
  }
}
