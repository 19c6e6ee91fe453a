package org.qunbei.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qunbei.accounts.Users;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On PostgreSQL the statistics come from the tally the trigger keeps (V35); whatever happens to the
 * filings — submitted, filed, returned, rejected, changed late, redated, deleted — the page's
 * figures for every kind of reader and period equal those counted from the filings themselves,
 * before the delta is folded into the tally and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsTallyIT {

  static final String[] CHAIN = {"depthead", "secrecy", "cyberoffice", "leader"};
  static final String[] READERS = {"cyberoffice", "applicant", "depthead", "leader", "secrecy"};

  @LocalServerPort int port;
  @Autowired RegistryStatistics statistics;
  @Autowired StatisticsTally tally;
  @Autowired Users users;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("postgresql", registry);
  }

  @Test
  void theTallysFiguresEqualTheFilingsCountedForEveryReaderAndPeriod() {
    assertThat(tally.present()).isTrue();
    Api applicant = Api.as(port, "applicant");
    String[] types = {"WECHAT", "QQ", "DINGTALK", "WECOM"};
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      var body = Samples.example();
      body.put("groupType", types[i % 4]);
      if (types[i % 4].equals("QQ") || types[i % 4].equals("DINGTALK")) {
        body.put("groupNumber", String.valueOf(7730000 + System.nanoTime() % 100000 + i));
      }
      if (i % 3 == 0) {
        body.putArray("composition").add("INTERNAL");
        body.putNull("externalSteward");
      }
      if (i % 2 == 0) {
        body.put("lifetime", "LONG_TERM").putNull("dissolveBy");
      } else {
        body.put("dissolveBy", LocalDate.now().plusMonths(2 + i).toString());
      }
      if (i == 9) { // the working group the applicant files for: theirs, not their department's
        body.put("departmentCode", "SMART");
      }
      var created = applicant.post("/api/filings", body.toString());
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      ids.add(created.json().path("id").asLong());
    }
    for (int i = 0; i < 10; i++) { // two stay drafts
      var s = applicant.post("/api/filings/" + ids.get(i) + "/submit", "");
      assertThat(s.status()).as(s.text()).isEqualTo(200);
    }
    for (int i = 0; i < 6; i++) {
      approve(ids.get(i));
    }
    decide("depthead", ids.get(6), "{\"decision\":\"RETURN\",\"opinion\":\"请补充群规\"}");
    decide("depthead", ids.get(7), "{\"decision\":\"REJECT\",\"opinion\":\"不予备案\"}");
    // A change filed late, and one still in review past its due date.
    long late = change(applicant, ids.get(0), "2026-09-01");
    approve(late);
    change(applicant, ids.get(1), "2026-09-01");
    // Filed in earlier months, across a year's turn: the period's whole and partial months differ.
    jdbc.update(
        "update filing set filled_on = date '2025-11-20' + ((id % 9) * 23)::integer where id in ("
            + String.join(",", ids.stream().map(String::valueOf).toList())
            + ")");
    assertThat(jdbc.queryForObject("select count(*) from filing_tally_delta", Long.class))
        .as("the trigger's -1/+1 rows wait to be folded")
        .isPositive();
    sameEitherWay();

    tally.fold();
    assertThat(jdbc.queryForObject("select count(*) from filing_tally_delta", Long.class)).isZero();
    long submitted =
        jdbc.queryForObject("select count(*) from filing where status <> 'DRAFT'", Long.class);
    for (String table : List.of("filing_tally", "filing_tally_total")) {
      assertThat(
              jdbc.queryForObject("select sum(n) from " + table + " where facet = 'M'", Long.class))
          .as("every submitted filing counted once in " + table)
          .isEqualTo(submitted);
    }
    sameEitherWay();

    // After the fold: one more filed, one withdrawn to a draft, one moved to another month.
    approve(ids.get(8));
    var withdrawn = applicant.post("/api/filings/" + ids.get(9) + "/withdraw", "");
    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    jdbc.update("update filing set filled_on = date '2026-02-28' where id = ?", ids.get(2));
    sameEitherWay();
    var figures = statistics.of(users.find("cyberoffice").orElseThrow(), null, null);
    assertThat(figures.filed()).as("six, one changed, one more").isGreaterThanOrEqualTo(7);
    assertThat(figures.changes()).isGreaterThanOrEqualTo(2);
    assertThat(figures.lateChanges()).isGreaterThanOrEqualTo(2);
    assertThat(figures.shortTermByMonth()).isNotEmpty();
  }

  private void sameEitherWay() {
    LocalDate[][] periods = {
      {null, null},
      {LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")},
      {LocalDate.parse("2025-12-10"), LocalDate.parse("2026-04-20")},
      {LocalDate.parse("2026-02-05"), null},
      {null, LocalDate.parse("2026-03-15")},
      {LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-20")},
      {LocalDate.parse("2026-01-01"), null},
      {null, LocalDate.parse("2026-01-31")},
    };
    for (String reader : READERS) {
      var user = users.find(reader).orElseThrow();
      for (LocalDate[] p : periods) {
        assertThat(statistics.of(user, p[0], p[1]))
            .as("%s from %s to %s", reader, p[0], p[1])
            .isEqualTo(statistics.live(user, p[0], p[1]));
      }
    }
  }

  private void approve(long id) {
    for (String approver : CHAIN) {
      decide(approver, id, "{\"decision\":\"APPROVE\"}");
    }
  }

  private void decide(String who, long id, String body) {
    var r = Api.as(port, who).post("/api/filings/" + id + "/decisions", body);
    assertThat(r.status()).as(who + ": " + r.text()).isEqualTo(200);
  }

  private static long change(Api applicant, long id, String changedOn) {
    var r =
        applicant.post(
            "/api/filings/" + id + "/changes",
            "{\"changedOn\":\"" + changedOn + "\",\"reason\":\"群主变更\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    long change = r.json().path("id").asLong();
    var s = applicant.post("/api/filings/" + change + "/submit", "");
    assertThat(s.status()).as(s.text()).isEqualTo(200);
    return change;
  }
}
