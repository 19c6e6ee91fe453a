package org.qunbei.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;

/**
 * Nothing on any page is wider than a 390 px phone: every page of the app, opened by the person it
 * is for, with long names and a filing that has gone through review, every folded section opened. A
 * page that must scroll sideways is a defect here, named with the elements that stick out.
 */
class PhoneWidthBrowserIT extends BrowserTest {

  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  @Test
  void noPageIsWiderThanAPhone() {
    var body = Samples.example();
    body.put("groupName", "计算机学院2026级全日制专业学位硕士研究生培养与学位授予工作通知群" + System.nanoTime() % 1000);
    var applicant = Api.as(port, "applicant");
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    Api.as(port, "depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"RETURN\",\"opinion\":\"请补充企业导师名单，并说明外部人员的准入审核办法以及信息保密责任人的联系方式\"}");
    long draft =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    // A name without any break opportunity: Latin letters and digits run together.
    var latin = Samples.example();
    latin.put(
        "groupName",
        "CS2027UndergraduateGraduationDesignSupervisionGroup" + System.nanoTime() % 1000);
    long unbroken = applicant.post("/api/filings", latin.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + unbroken + "/submit", "");
    // A filed group changing its team: the head reviews the change with its diff first.
    long filed =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + filed + "/submit", "");
    for (String approver : List.of("depthead", "secrecy", "cyberoffice", "leader")) {
      Api.as(port, approver)
          .post("/api/filings/" + filed + "/decisions", "{\"decision\":\"APPROVE\"}");
    }
    var changeReply =
        applicant.post(
            "/api/filings/" + filed + "/changes",
            "{\"changedOn\":\""
                + java.time.LocalDate.now()
                + "\",\"reason\":\"群主变更为分管教学工作的副院长，并补充企业导师名单\"}");
    assertThat(changeReply.status()).as(changeReply.text()).isEqualTo(201);
    long change = changeReply.json().path("id").asLong();
    var changed =
        (tools.jackson.databind.node.ObjectNode) applicant.get("/api/filings/" + change).json();
    changed.put("groupName", "计算机学院2027届本科毕业设计（论文）校企联合指导工作群" + System.nanoTime() % 1000);
    applicant.put("/api/filings/" + change, changed.toString(), null);
    applicant.post("/api/filings/" + change + "/submit", "");

    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put(
        "applicant",
        List.of(
            "/",
            "/filings/new",
            "/filings/mine",
            "/filings/" + id,
            "/filings/" + id + "/edit",
            "/filings/" + draft + "/edit",
            "/tasks/started",
            "/copies",
            "/notices",
            "/reviews",
            "/account/password",
            "/account/two-factor",
            "/account/tokens"));
    pages.put(
        "depthead",
        List.of(
            "/tasks",
            "/tasks/done",
            "/filings/" + unbroken,
            "/filings/" + id,
            "/filings/" + change,
            "/filings/" + change + "/versions",
            "/filings/" + change + "/diff?from=" + filed,
            "/account/signature",
            "/account/opinions",
            "/account/delegations",
            "/copies"));
    pages.put(
        "cyberoffice",
        List.of(
            "/registry",
            "/statistics",
            "/lifecycle/alerts",
            "/jobs",
            "/registry/import",
            "/reviews"));
    pages.put("auditor", List.of("/audit"));
    pages.put(
        "admin",
        List.of(
            "/admin/users",
            "/admin/users/applicant",
            "/admin/departments",
            "/admin/staff-imports",
            "/admin/robots",
            "/admin/calendar"));
    pages.put("secadmin", List.of("/admin/security", "/admin/stamps"));

    Map<String, List<String>> wide = new LinkedHashMap<>();
    driver.get(url("/login"));
    check("/login", wide);
    for (var person : pages.entrySet()) {
      login(person.getKey());
      for (String page : person.getValue()) {
        driver.get(url(page));
        check(person.getKey() + " " + page, wide);
      }
      logout();
    }
    assertThat(wide).as("pages wider than a 390 px phone").isEmpty();
  }

  private void check(String page, Map<String, List<String>> wide) {
    PhoneWidth.unfold(driver);
    List<String> out = PhoneWidth.overflowing(driver);
    if (!out.isEmpty()) {
      wide.put(page, out.subList(0, Math.min(out.size(), 6)));
      Browser.screenshot(driver, "60-wide" + page.replaceAll("[^a-z0-9]+", "-"));
    }
  }
}
