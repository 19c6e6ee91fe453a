package org.qunbei.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A printout's content digest read off the PDF (its text and its QR code) and checked on the public
 * page as a stranger would: it matches the filing as it stands, names the sections a later decision
 * moved, and still verifies — as an earlier version — once a change filing has been filed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrintDigestIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    registry.add("qunbei.public-url", () -> "https://qunbei.school.example");
  }

  /** What a reader takes off the paper: the QR link, the whole digest and each section's. */
  record Printout(String link, String whole, Map<DigestSection, String> sections) {

    String path() {
      return link.substring(link.indexOf("/verify/"));
    }

    /** The page the link leads to with the section digests typed in as well. */
    String typed() {
      var b = new StringBuilder(path());
      sections.forEach((s, d) -> b.append('&').append(s.param()).append('=').append(d));
      return b.toString();
    }
  }

  static final Map<DigestSection, String> PRINTED_LABELS =
      Map.of(
          DigestSection.BASIC, "一基础信息",
          DigestSection.TEAM, "二管理团队",
          DigestSection.RULES, "三运营规范",
          DigestSection.COMMITMENT, "四承诺",
          DigestSection.APPROVAL, "五审批");

  Printout print(Api who, long id) throws Exception {
    byte[] bytes = who.get("/api/filings/" + id + "/pdf").bytes();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      var whole = Pattern.compile("内容摘要：([0-9A-F]{4}(-[0-9A-F]{4}){3})").matcher(text);
      assertThat(whole.find()).as(text).isTrue();
      Map<DigestSection, String> sections = new EnumMap<>(DigestSection.class);
      for (DigestSection s : DigestSection.values()) {
        var m = Pattern.compile(PRINTED_LABELS.get(s) + "([0-9A-F]{4}-[0-9A-F]{4})").matcher(text);
        assertThat(m.find()).as(s + " in " + text).isTrue();
        sections.put(s, m.group(1));
      }
      String link = verificationLink(pdf);
      return new Printout(link, whole.group(1), sections);
    }
  }

  /**
   * The verification QR code as a phone camera reads it: the page may hold the group's own QR code
   * and the signatures too, so every code on it is read and the one leading to /verify/ is taken; a
   * rendering the decoder misreads at one resolution is read at another, as a camera moves.
   */
  private static String verificationLink(org.apache.pdfbox.pdmodel.PDDocument pdf)
      throws java.io.IOException {
    var renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
    for (int dpi : new int[] {300, 200, 400}) {
      var image = renderer.renderImageWithDPI(pdf.getNumberOfPages() - 1, dpi);
      var bitmap =
          new com.google.zxing.BinaryBitmap(
              new com.google.zxing.common.HybridBinarizer(
                  new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
      try {
        for (var r :
            new com.google.zxing.multi.qrcode.QRCodeMultiReader()
                .decodeMultiple(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true))) {
          if (r.getText().contains("/verify/")) {
            return r.getText();
          }
        }
      } catch (com.google.zxing.NotFoundException e) {
        // try the next resolution
      }
    }
    throw new AssertionError("no verification QR code readable on the printout's last page");
  }

  @Test
  void thePrintedDigestConfirmsThePrintoutNamesWhatMovedAndLaterVerifiesAsAnEarlierVersion()
      throws Exception {
    Api applicant = Api.as(port, "applicant");
    ObjectNode body = Samples.example();
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.putBytes(
        "/api/filings/" + id + "/qr-code", "image/png", Samples.qrPng("https://weixin.qq.com/g/d"));
    assertThat(applicant.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    decide("depthead", id, "学院审核同意");

    Printout first = print(applicant, id);
    // The link carries the whole digest as printed; the page says the paper matches.
    assertThat(first.link())
        .isEqualTo(
            "https://qunbei.school.example"
                + first.path().replaceAll("\\?d=.*", "")
                + "?d="
                + first.whole().replace("-", ""));
    Api stranger = Api.anonymous(port);
    var page = stranger.get(first.path());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("与系统记录一致", first.whole()).doesNotContain("不一致：");
    // Sections 二 and 三 as filed, to hold against the paper: names, titles, rules, no phone.
    assertThat(page.text())
        .contains("王建国", "副院长", "李晓梅", "教学秘书", "赵强", "陈静", "信息归档")
        .contains(body.path("rules").path("publishingScope").asString())
        .contains(body.path("rules").path("incidentResponse").asString());
    assertNoPhone(page.text(), body);
    // The cyberspace office sees masked mobiles; its printout carries the same digest.
    assertThat(print(Api.as(port, "cyberoffice"), id).whole()).isEqualTo(first.whole());

    // The next step decides: the paper in hand no longer shows the record, and 五 says why.
    decide("secrecy", id, "保密审查同意");
    var outdated = stranger.get(first.typed());
    assertThat(outdated.text())
        .contains("不一致：本打印件不是当前版本或内容已被改动", "不一致的部分：五 审批")
        .doesNotContain("二 管理团队、", "、二 管理团队");
    // A team and a rules section of another paper (digests that are not this filing's).
    String forged =
        first.path()
            + "&team="
            + other(first.sections().get(DigestSection.TEAM))
            + "&rules="
            + other(first.sections().get(DigestSection.RULES))
            + "&basic="
            + first.sections().get(DigestSection.BASIC);
    assertThat(stranger.get(forged).text())
        .contains("不一致：", "不一致的部分：二 管理团队、三 运营规范")
        .doesNotContain("一 基础信息、");
    assertThat(stranger.get(first.path().replaceAll("\\?d=.*", "?d=not-a-digest")).status())
        .isEqualTo(400);

    decide("cyberoffice", id, "同意");
    decide("leader", id, "同意备案");
    Printout filed = print(applicant, id);
    assertThat(filed.whole()).isNotEqualTo(first.whole());
    assertThat(filed.sections())
        .containsAllEntriesOf(
            Map.of(
                DigestSection.BASIC, first.sections().get(DigestSection.BASIC),
                DigestSection.TEAM, first.sections().get(DigestSection.TEAM),
                DigestSection.RULES, first.sections().get(DigestSection.RULES)));
    assertThat(stranger.get(filed.typed()).text())
        .contains("与系统记录一致", "输入的各部分摘要均与系统记录一致")
        .doesNotContain("较早的版本");

    // A change filing with a new owner is filed: the old printout is of an earlier version.
    var change =
        applicant.post(
            "/api/filings/" + id + "/changes",
            "{\"changedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"reason\":\"群主变更\"}");
    assertThat(change.status()).as(change.text()).isEqualTo(201);
    long second = change.json().path("id").asLong();
    ((ObjectNode) body.path("team").get(0)).put("name", "周新主");
    assertThat(applicant.put("/api/filings/" + second, body.toString(), null).status())
        .isEqualTo(200);
    assertThat(applicant.post("/api/filings/" + second + "/submit", "").status()).isEqualTo(200);
    for (String approver : new String[] {"depthead", "secrecy", "cyberoffice", "leader"}) {
      decide(approver, second, "同意");
    }
    assertThat(applicant.get("/api/filings/" + id).json().path("status").asString())
        .isEqualTo("SUPERSEDED");
    var earlier = stranger.get(filed.path());
    assertThat(earlier.text())
        .contains("本打印件是该群较早的版本", "与系统记录一致：本打印件与系统中该版本的记录相同")
        .contains("王建国")
        .doesNotContain("周新主");
    assertNoPhone(earlier.text(), body);
    Printout current = print(applicant, second);
    assertThat(current.sections().get(DigestSection.TEAM))
        .isNotEqualTo(filed.sections().get(DigestSection.TEAM));
    assertThat(stranger.get(current.path()).text())
        .contains("与系统记录一致", "周新主")
        .doesNotContain("较早的版本");
  }

  private void decide(String who, long id, String opinion) {
    var r =
        Api.as(port, who)
            .post(
                "/api/filings/" + id + "/decisions",
                "{\"decision\":\"APPROVE\",\"opinion\":\"" + opinion + "\"}");
    assertThat(r.status()).as(who + ": " + r.text()).isEqualTo(200);
  }

  /** A digest of the same shape that differs in its last digit. */
  private static String other(String digest) {
    char last = digest.charAt(digest.length() - 1);
    return digest.substring(0, digest.length() - 1) + (last == '0' ? '1' : '0');
  }

  /** No office phone and no mobile, whole or masked, of anyone on the team. */
  private static void assertNoPhone(String page, JsonNode body) {
    var phones = new java.util.ArrayList<String>();
    body.path("team")
        .forEach(
            m -> {
              phones.add(m.path("mobile").asString());
              phones.add(m.path("officePhone").asString());
            });
    phones.add(body.path("externalSteward").path("mobile").asString());
    phones.add(body.path("externalSteward").path("officePhone").asString());
    for (String phone : phones) {
      assertThat(page).doesNotContain(phone);
    }
    // Nor anything shaped like one: a mobile whole or masked (138****0001), an office number.
    assertThat(page)
        .doesNotContainPattern("1[3-9]\\d(\\*{4}|\\d{4})\\d{4}")
        .doesNotContainPattern("\\d{3,4}-\\d{7,8}");
  }
}
