package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * One rule for mobiles everywhere: the department's head sees them whole, and one who filed for the
 * department and has since moved to another (so still sees the filing, no longer its mobiles) sees
 * them masked — in the API, the page, the form, the PDF, the Word file and the Excel export alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaskedMobilesIT {

  static final String WHOLE = "13801010001";
  static final String MASKED = "138****0001";
  static final String STEWARD_WHOLE = "13801010002";
  static final String STEWARD_MASKED = "138****0002";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMovedFilerSeesMasksWhereTheHeadSeesWholeNumbersInEveryView() throws Exception {
    ObjectNode sample = Samples.example();
    Api applicant = Api.as(port, "applicant");
    long id = applicant.post("/api/filings", sample.toString()).json().path("id").asLong();
    assertThat(applicant.post("/api/filings/" + id + "/submit", "").status()).isEqualTo(200);
    assertThat(
            applicant
                .get("/api/filings/" + id)
                .json()
                .path("team")
                .get(0)
                .path("mobile")
                .asString())
        .as("while in the department, whole")
        .isEqualTo(WHOLE);

    // The directory moves the filer to another department: the filing stays theirs to see.
    jdbc.update("update app_user set department_code = 'MATH' where username = 'applicant'");
    Api moved = Api.as(port, "applicant");
    Api head = Api.as(port, "depthead");
    String group = sample.path("groupName").asString();

    for (Api who : new Api[] {moved, head}) {
      boolean whole = who == head;
      String mobile = whole ? WHOLE : MASKED;
      String other = whole ? MASKED : WHOLE;
      String steward = whole ? STEWARD_WHOLE : STEWARD_MASKED;

      var json = who.get("/api/filings/" + id);
      assertThat(json.status()).isEqualTo(200);
      assertThat(json.json().path("team").get(0).path("mobile").asString()).isEqualTo(mobile);
      assertThat(json.json().path("externalSteward").path("mobile").asString()).isEqualTo(steward);

      for (String page : new String[] {"/filings/" + id, "/filings/" + id + "/edit"}) {
        var html = who.send(who.request(page).header("Accept", "text/html").GET());
        assertThat(html.status()).as(page).isEqualTo(200);
        assertThat(html.text()).as(page).contains(mobile, steward).doesNotContain(other);
      }

      var pdf = who.get("/api/filings/" + id + "/pdf");
      assertThat(pdf.status()).isEqualTo(200);
      try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        assertThat(text).contains(mobile, steward).doesNotContain(other);
      }

      var docx = who.get("/api/filings/" + id + "/docx");
      assertThat(docx.status()).isEqualTo(200);
      try (var doc =
              new org.apache.poi.xwpf.usermodel.XWPFDocument(
                  new java.io.ByteArrayInputStream(docx.bytes()));
          var words = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
        assertThat(words.getText()).contains(mobile, steward).doesNotContain(other);
      }

      var xlsx =
          who.get("/api/filings/export?q=" + URLEncoder.encode(group, StandardCharsets.UTF_8));
      assertThat(xlsx.status()).isEqualTo(200);
      try (var wb = FilingApiContract.workbook(xlsx.bytes())) {
        var sheet = wb.getSheetAt(0);
        assertThat(sheet.getLastRowNum()).as("the filing is in the export").isEqualTo(1);
        assertThat(FilingApiContract.cell(sheet, "群主/主要负责人的手机号码").getStringCellValue())
            .isEqualTo(mobile);
      }
    }
  }
}
