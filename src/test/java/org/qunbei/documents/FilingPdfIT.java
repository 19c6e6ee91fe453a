package org.qunbei.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/** The printed form, opened and read back: its text, its embedded font, who may have it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilingPdfIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    // The address printed on the form is the school's, whatever Host a request came with.
    registry.add("qunbei.public-url", () -> "https://qunbei.school.example/");
  }

  @Test
  void theFilledFormPrintsWithItsTeamRulesAndOpinionsInAnEmbeddedFont() throws Exception {
    ObjectNode body = Samples.example();
    ((ObjectNode) body.path("rules")).put("publishingScope", "可发布工作通知。".repeat(200));
    Api applicant = Api.as(port, "applicant");
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.putBytes(
        "/api/filings/" + id + "/qr-code", "image/png", Samples.qrPng("https://weixin.qq.com/g/x"));
    applicant.post("/api/filings/" + id + "/submit", "");
    // The head's signature and the department's stamp go onto the printed record.
    Api.as(port, "depthead").putBytes("/api/me/signature", "image/png", png(160, 50));
    Api.as(port, "secadmin").putBytes("/api/stamps/CS", "image/png", png(90, 90));
    Api.as(port, "depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"APPROVE\",\"opinion\":\"学院审核同意\"}");

    var reply = applicant.get("/api/filings/" + id + "/pdf");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(reply.bytes())) {
      // The long rules text breaks onto further pages rather than being cut off.
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      // The text layer is the text itself (copy, search): ideographs, not their radical twins.
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text)
          .contains(
              "工作群（QQ群/微信群等）备案表",
              body.path("groupName").asString(),
              "王建国",
              "李晓梅",
              "赵强",
              "陈静",
              "群管理员（1）",
              "群管理员（2）",
              "学院审核同意",
              "五、审批备案意见",
              "六、备注")
          .doesNotContainPattern("[\u2E80-\u2FDF]");
      assertThat(text)
          .contains(applicant.get("/api/filings/" + id).json().path("number").asString());
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      int images = 0;
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().isImageXObject(name)) {
            images++;
          }
        }
      }
      assertThat(images)
          .as("the group's QR code, signature, stamp and the verification QR")
          .isEqualTo(4);
      assertThat(fonts)
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).as("a subset").matches("[A-Z]{6}\\+.*");
              });
    }

    assertThat(Api.as(port, "applicant2").get("/api/filings/" + id + "/pdf").status())
        .isEqualTo(404);
    assertThat(Api.anonymous(port).get("/api/filings/" + id + "/pdf").status()).isEqualTo(401);
    assertThat(Api.as(port, "cyberoffice").get("/api/filings/" + id + "/pdf").status())
        .isEqualTo(200);
    // The system administrator prints no filing: it runs the system, the filings are not its own.
    assertThat(Api.as(port, "admin").get("/api/filings/" + id + "/pdf").status()).isEqualTo(404);
  }

  @Test
  void thePrintoutsQrCodeLeadsToAPublicPageThatConfirmsItWithoutPersonalData() throws Exception {
    Api applicant = Api.as(port, "applicant");
    ObjectNode body = Samples.example();
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    String number = applicant.get("/api/filings/" + id).json().path("number").asString();

    byte[] pdfBytes = applicant.get("/api/filings/" + id + "/pdf").bytes();
    String url;
    String printedCode;
    try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
      String text = new PDFTextStripper().getText(pdf);
      var m =
          java.util.regex.Pattern.compile("验证码：\\s*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})")
              .matcher(text);
      assertThat(m.find()).as(text).isTrue();
      printedCode = m.group(1);
      // Read the QR code off the rendered last page, as a phone would.
      var image =
          new org.apache.pdfbox.rendering.PDFRenderer(pdf)
              .renderImageWithDPI(pdf.getNumberOfPages() - 1, 300);
      var bitmap =
          new com.google.zxing.BinaryBitmap(
              new com.google.zxing.common.HybridBinarizer(
                  new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
      url =
          new com.google.zxing.qrcode.QRCodeReader()
              .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true))
              .getText();
    }
    assertThat(url)
        .startsWith("https://qunbei.school.example/verify/" + printedCode.replace("-", "") + "?d=");
    assertThat(url.substring(url.indexOf("/verify/")))
        .doesNotContain(number)
        .matches("/verify/[A-Z2-9]{10}\\?d=[0-9A-F]{16}");

    // The second printout carries the same mark.
    try (PDDocument again = Loader.loadPDF(applicant.get("/api/filings/" + id + "/pdf").bytes())) {
      assertThat(new PDFTextStripper().getText(again)).contains(printedCode);
    }

    String path = url.substring(url.indexOf("/verify/"));
    var page = Api.anonymous(port).get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text())
        .contains(number, body.path("groupName").asString(), "计算机学院", "审批中")
        // Names and titles, to hold against the paper's team section; never a phone.
        .contains("王建国")
        .doesNotContain("13801010001", "138****0001", "010-62780001");
    var typed = Api.anonymous(port).get("/verify/" + printedCode.toLowerCase());
    assertThat(typed.text()).contains(number);
    var forged = Api.anonymous(port).get("/verify/ABCD-EFGH-JK");
    assertThat(forged.status()).isEqualTo(404);
    assertThat(forged.text()).contains("不存在").doesNotContain(number);
  }

  @Test
  void theFormAlsoComesAsAnEditableWordDocument() throws Exception {
    Api applicant = Api.as(port, "applicant");
    ObjectNode body = Samples.example();
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    Api.as(port, "depthead")
        .post(
            "/api/filings/" + id + "/decisions",
            "{\"decision\":\"RETURN\",\"opinion\":\"请补充企业导师名单\"}");

    var reply = applicant.get("/api/filings/" + id + "/docx");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).contains("wordprocessingml");
    try (var doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(reply.bytes()));
        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      String text = extractor.getText();
      assertThat(text)
          .contains(
              "工作群（QQ群/微信群等）备案表",
              body.path("groupName").asString(),
              "☑微信群",
              "☐QQ群",
              "王建国",
              "李晓梅",
              "陈静",
              "需留存群内重要工作信息，留存期限：3年",
              "五、审批备案意见",
              "【退回修改】请补充企业导师名单",
              "群管理员（1）",
              "群管理员（2）",
              "六、备注");
      // 一, 二 with the paper's four rows, the external steward, 三, 五.
      assertThat(doc.getTables()).hasSize(5);
      assertThat(doc.getTables().get(1).getRows()).hasSize(5); // header + four team rows
    }
    assertThat(Api.as(port, "applicant2").get("/api/filings/" + id + "/docx").status())
        .isEqualTo(404);
  }

  static org.apache.poi.xwpf.usermodel.XWPFTable approvals(
      org.apache.poi.xwpf.usermodel.XWPFDocument doc) {
    return doc.getTables().stream()
        .filter(t -> t.getRow(0).getCell(0).getText().equals("审批部门"))
        .findFirst()
        .orElseThrow();
  }

  /** Text without the spaces and line breaks that layout puts inside long values. */
  static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** Every text value of a JSON body: what the applicant typed. */
  static java.util.List<String> typed(tools.jackson.databind.JsonNode node) {
    var out = new java.util.ArrayList<String>();
    if (node.isObject() || node.isArray()) {
      node.forEach(n -> out.addAll(typed(n)));
    } else if (node.isString() && !node.asString().matches("[A-Z_]+")) {
      out.add(node.asString());
    } else if (node.isNumber()) {
      out.add(node.asString());
    }
    return out;
  }

  @Test
  void pdfAndWordHoldEveryValueTheOwnerAsPromisorTheCommitmentDateAndAllFourTeamRows()
      throws Exception {
    Api applicant = Api.as(port, "applicant");
    ObjectNode body = Samples.example();
    long id = applicant.post("/api/filings", body.toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    Api.as(port, "secadmin").putBytes("/api/stamps/CS", "image/png", png(90, 90));
    var approved =
        Api.as(port, "depthead")
            .post(
                "/api/filings/" + id + "/decisions",
                "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
    assertThat(approved.status()).isEqualTo(200);
    String today =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
    var expected = typed(body);
    expected.addAll(
        java.util.List.of(
            "群主/主要负责人",
            "群管理员（1）",
            "群管理员（2）",
            "其他相关负责人",
            "承诺人（群主/主要负责人签字）：王建国",
            "日期：" + today,
            "2026年9月1日",
            java.time.LocalDate.parse(body.path("dissolveBy").asString())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"))));
    String pdf;
    try (PDDocument d = Loader.loadPDF(applicant.get("/api/filings/" + id + "/pdf").bytes())) {
      pdf = squeezed(new PDFTextStripper().getText(d));
    }
    String word;
    try (var doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(
                    applicant.get("/api/filings/" + id + "/docx").bytes()));
        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      word = squeezed(extractor.getText());
      var size = doc.getDocument().getBody().getSectPr().getPgSz();
      assertThat(size.getW().toString()).as("A4 width").isEqualTo("11906");
    }
    for (String value : expected) {
      String v = squeezed(value);
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        continue; // dates print as 年月日
      }
      assertThat(pdf).as("the PDF holds " + value).contains(v);
      assertThat(word).as("the Word file holds " + value).contains(v);
    }
    assertThat(word).contains("在线确认承诺");
    // The read-only page quotes the four commitments and says who accepted them.
    String page = applicant.get("/filings/" + id).text();
    assertThat(page)
        .contains("1.已知晓并严格遵守单位内部工作沟通工具管理相关规定")
        .contains("4.若工作群名称、管理团队、群功能等关键信息发生变更")
        .contains("在线确认承诺；承诺人（群主/主要负责人）：王建国");
  }

  @Test
  void theWordFileCarriesTheSignatureTheStampAndTheSameVerificationMark() throws Exception {
    Api applicant = Api.as(port, "applicant");
    long id =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    applicant.post("/api/filings/" + id + "/submit", "");
    Api.as(port, "depthead").putBytes("/api/me/signature", "image/png", png(160, 50));
    Api.as(port, "secadmin").putBytes("/api/stamps/CS", "image/png", png(90, 90));
    Api.as(port, "depthead")
        .post("/api/filings/" + id + "/decisions", "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}");
    String number = applicant.get("/api/filings/" + id).json().path("number").asString();

    var reply = applicant.get("/api/filings/" + id + "/docx");
    try (var doc =
            new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(reply.bytes()));
        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
      String text = extractor.getText();
      var m =
          java.util.regex.Pattern.compile("验证码：([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})")
              .matcher(text);
      assertThat(m.find()).as(text).isTrue();
      String code = m.group(1);
      // The department row holds the head's signature and the department's stamp; the mark its QR.
      var departmentRow = approvals(doc).getRow(1).getCell(2);
      long pictures =
          departmentRow.getParagraphs().stream()
              .flatMap(p -> p.getRuns().stream())
              .mapToLong(r -> r.getEmbeddedPictures().size())
              .sum();
      assertThat(pictures).isEqualTo(2);
      var qr =
          doc.getAllPictures().stream()
              .map(
                  pic -> {
                    try {
                      var image =
                          javax.imageio.ImageIO.read(
                              new java.io.ByteArrayInputStream(pic.getData()));
                      var bitmap =
                          new com.google.zxing.BinaryBitmap(
                              new com.google.zxing.common.HybridBinarizer(
                                  new com.google.zxing.client.j2se.BufferedImageLuminanceSource(
                                      image)));
                      return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
                    } catch (Exception e) {
                      return null;
                    }
                  })
              .filter(t -> t != null && t.contains("/verify/"))
              .findFirst()
              .orElseThrow();
      assertThat(qr).contains("/verify/" + code.replace("-", "") + "?d=");
      var page = Api.anonymous(port).get(qr.substring(qr.indexOf("/verify/")));
      assertThat(page.text()).contains(number);
      var digest =
          java.util.regex.Pattern.compile("内容摘要：([0-9A-F]{4}(-[0-9A-F]{4}){3})").matcher(text);
      assertThat(digest.find()).as(text).isTrue();
      assertThat(qr).endsWith("?d=" + digest.group(1).replace("-", ""));
      assertThat(text).containsPattern("二 管理团队 [0-9A-F]{4}-[0-9A-F]{4}");
      // The PDF of the same filing prints the same code and the same digest.
      try (PDDocument pdf = Loader.loadPDF(applicant.get("/api/filings/" + id + "/pdf").bytes())) {
        assertThat(new PDFTextStripper().getText(pdf)).contains(code, digest.group(1));
      }
    }
  }

  static byte[] png(int w, int h) throws java.io.IOException {
    var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(java.awt.Color.RED);
    g.drawOval(2, 2, w - 4, h - 4);
    g.dispose();
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
