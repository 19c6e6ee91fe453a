package org.qunbei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * The trail as evidence: tampered with directly in the database — a row edited, deleted, inserted,
 * two swapped, the end cut off and the head moved back — and each caught by the auditor's check, at
 * the place it happened. Then put back, and intact again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditChainIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private JsonNode check() {
    Api.Reply r = Api.as(port, "auditor").get("/api/audit/chain");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  private void someWork() {
    for (int i = 0; i < 3; i++) {
      var body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", String.valueOf(271828 + i));
      long id =
          Api.as(port, "applicant")
              .post("/api/filings", body.toString())
              .json()
              .path("id")
              .asLong();
      Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "");
    }
  }

  @Test
  void eachKindOfDirectTamperingIsCaughtWhereItHappened() {
    someWork();
    JsonNode ok = check();
    assertThat(ok.path("intact").asBoolean()).as(ok.toString()).isTrue();
    long n = ok.path("events").asLong();
    assertThat(n).isGreaterThanOrEqualTo(6);
    assertThat(ok.path("detail").asString()).contains("审计链完整");
    long mid = n / 2;

    // Edited.
    String detail =
        jdbc.queryForObject("select detail from audit_event where seq = ?", String.class, mid);
    jdbc.update("update audit_event set detail = 'nothing happened' where seq = ?", mid);
    assertThat(check().path("problem").asString()).isEqualTo("edited");
    assertThat(check().path("brokenAt").asLong()).isEqualTo(mid);
    jdbc.update("update audit_event set detail = ? where seq = ?", detail, mid);
    assertThat(check().path("intact").asBoolean()).isTrue();

    // Deleted.
    Map<String, Object> row = jdbc.queryForMap("select * from audit_event where seq = ?", mid);
    jdbc.update("delete from audit_event where seq = ?", mid);
    JsonNode missing = check();
    assertThat(missing.path("problem").asString()).isEqualTo("missing");
    assertThat(missing.path("brokenAt").asLong()).isEqualTo(mid);
    assertThat(missing.path("detail").asString()).contains("第 " + mid + " 条记录缺失");
    insert(row);
    assertThat(check().path("intact").asBoolean()).isTrue();

    // Two swapped (their places exchanged).
    jdbc.update("update audit_event set seq = -1 where seq = ?", mid);
    jdbc.update("update audit_event set seq = ? where seq = ?", mid, mid + 1);
    jdbc.update("update audit_event set seq = ? where seq = -1", mid + 1);
    assertThat(check().path("intact").asBoolean()).isFalse();
    assertThat(check().path("brokenAt").asLong()).isEqualTo(mid);
    jdbc.update("update audit_event set seq = -1 where seq = ?", mid);
    jdbc.update("update audit_event set seq = ? where seq = ?", mid, mid + 1);
    jdbc.update("update audit_event set seq = ? where seq = -1", mid + 1);
    assertThat(check().path("intact").asBoolean()).isTrue();

    // Inserted: a copy of a real row, after the end.
    Map<String, Object> copy = new java.util.HashMap<>(row);
    copy.remove("ID");
    copy.put("SEQ", n + 1);
    insert(copy);
    assertThat(check().path("problem").asString()).isEqualTo("beyond");
    jdbc.update("delete from audit_event where seq = ?", n + 1);
    assertThat(check().path("intact").asBoolean()).isTrue();

    // Cut off the end, and the head moved back to what is left.
    Map<String, Object> last = jdbc.queryForMap("select * from audit_event where seq = ?", n);
    Map<String, Object> head = jdbc.queryForMap("select * from audit_head where id = 1");
    jdbc.update("delete from audit_event where seq = ?", n);
    assertThat(check().path("problem").asString()).isEqualTo("cut");
    String before =
        jdbc.queryForObject("select hash from audit_event where seq = ?", String.class, n - 1);
    jdbc.update("update audit_head set seq = ?, hash = ? where id = 1", n - 1, before);
    assertThat(check().path("problem").asString()).isEqualTo("head");
    jdbc.update(
        "update audit_head set seq = ?, hash = ?, seal = ? where id = 1",
        head.get("SEQ"),
        head.get("HASH"),
        head.get("SEAL"));
    insert(last);
    assertThat(check().path("intact").asBoolean()).isTrue();

    // Only the auditor checks.
    assertThat(Api.as(port, "admin").get("/api/audit/chain").status()).isEqualTo(403);
  }

  @Test
  void downloadsExportsAndReadingTheTrailAreOnTheTrailTooAndKeepAFilingsChainWhole() {
    var body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", "1618033");
    long id =
        Api.as(port, "applicant").post("/api/filings", body.toString()).json().path("id").asLong();
    assertThat(Api.as(port, "applicant").get("/api/filings/" + id + "/pdf").status())
        .isEqualTo(200);
    assertThat(Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);
    assertThat(Api.as(port, "applicant").get("/api/filings/" + id + "/docx").status())
        .isEqualTo(200);
    assertThat(Api.as(port, "cyberoffice").get("/api/filings/export").status()).isEqualTo(200);

    JsonNode downloads =
        Api.as(port, "auditor").get("/api/audit?action=DOCUMENT_DOWNLOADED&filing=" + id).json();
    assertThat(downloads.path("content").findValuesAsString("detail")).contains("PDF", "Word");
    assertThat(downloads.path("content").findValuesAsString("actor")).containsOnly("applicant");
    assertThat(Api.as(port, "auditor").get("/api/audit?action=EXPORT_DOWNLOADED").text())
        .contains("cyberoffice");
    // The auditor's own reading is recorded too.
    assertThat(Api.as(port, "auditor").get("/api/audit?action=AUDIT_READ").text())
        .contains("\"auditor\"");
    // A download reads a filing without moving its version: its own trail still verifies.
    assertThat(
            Api.as(port, "auditor")
                .get("/api/audit/verify?filing=" + id)
                .json()
                .path("intact")
                .asBoolean())
        .isTrue();
    assertThat(check().path("intact").asBoolean()).isTrue();
  }

  private void insert(Map<String, Object> row) {
    List<String> columns = List.copyOf(row.keySet());
    String sql =
        "insert into audit_event ("
            + String.join(", ", columns)
            + ") values ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ")";
    jdbc.update(sql, columns.stream().map(row::get).toArray());
  }
}
