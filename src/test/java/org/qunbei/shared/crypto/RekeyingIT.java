package org.qunbei.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.QunbeiApplication;
import org.qunbei.audit.AuditTrail;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Re-keying moves every stored mobile from key 1 to key 2, after which key 1 can be removed; the
 * filings' versions and dates and the audit trail stay as they were. The documented command ({@code
 * --qunbei.crypto.rekey=true}) does the same and stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RekeyingIT {

  static final String K1 = KeyedFieldEncryptionTest.K1;
  static final String K2 = KeyedFieldEncryptionTest.K2;
  static final String K3 = KeyedFieldEncryptionTest.S1;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    registry.add("qunbei.crypto.keys", () -> "1:" + K1 + ",2:" + K2);
    registry.add("qunbei.crypto.current-key", () -> "1");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Rekeying rekeying;
  @Autowired AuditTrail audit;
  @Autowired com.zaxxer.hikari.HikariDataSource dataSource;

  List<String> raw() {
    List<String> all =
        new java.util.ArrayList<>(
            jdbc.queryForList(
                "select mobile from filing_team_member where mobile is not null order by filing_id,"
                    + " position",
                String.class));
    all.addAll(
        jdbc.queryForList(
            "select steward_mobile from filing where steward_mobile is not null order by id",
            String.class));
    return all;
  }

  @Test
  void valuesUnderKeyOneMoveToKeyTwoAndReadWithoutKeyOne() {
    var created = Api.as(port, "applicant").post("/api/filings", Samples.example().toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "").status())
        .isEqualTo(200);
    // A row from before encryption is re-keyed too.
    jdbc.update(
        "update filing_team_member set mobile = '13900000009' where filing_id = ? and position = 3",
        id);
    assertThat(raw()).anyMatch(m -> m.startsWith("v1:")).contains("13900000009");

    var before = jdbc.queryForMap("select version, updated_at from filing where id = ?", id);
    long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
    String wholeBefore = Api.as(port, "applicant").get("/api/filings/" + id).text();

    var toTwo = new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, "1:" + K1 + ",2:" + K2, 2, false);
    Map<String, Integer> done = rekeying.rekey(toTwo);
    // The demo filings are there too: at least this filing's four rows and its steward.
    assertThat(done.get("filing_team_member.mobile")).isGreaterThanOrEqualTo(4);
    assertThat(done.get("filing.steward_mobile")).isGreaterThanOrEqualTo(1);
    assertThat(done).containsKey("app_user.totp_secret");
    assertThat(raw()).allSatisfy(m -> assertThat(m).startsWith("v2:"));

    // Key 1 is no longer needed to read anything.
    var onlyTwo = new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, "2:" + K2, null, false);
    assertThat(raw()).allSatisfy(m -> assertThat(onlyTwo.decrypt(m)).matches("1[3-9]\\d{9}"));
    assertThat(Api.as(port, "applicant").get("/api/filings/" + id).text()).isEqualTo(wholeBefore);

    // Nothing else changed: not the filing's version or date, not the audit trail.
    assertThat(jdbc.queryForMap("select version, updated_at from filing where id = ?", id))
        .isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class))
        .isEqualTo(events);
    assertThat(audit.verifyChain().intact()).isTrue();
    // A second run finds nothing to do.
    assertThat(rekeying.rekey(toTwo).values()).allMatch(n -> n == 0);

    // The command: key 3 (SM4) becomes current, key 1 is gone; it re-keys, then stops.
    var command =
        new SpringApplicationBuilder(QunbeiApplication.class)
            .run(
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=sa",
                "--server.port=0",
                "--qunbei.crypto.keys=2:" + K2 + ",3:SM4-GCM:" + K3,
                "--qunbei.crypto.rekey=true");
    assertThat(command.isActive()).as("the command stopped the application").isFalse();
    var onlyThree =
        new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, "3:SM4-GCM:" + K3, null, false);
    assertThat(raw())
        .allSatisfy(m -> assertThat(m).startsWith("v3:"))
        .allSatisfy(m -> assertThat(onlyThree.decrypt(m)).matches("1[3-9]\\d{9}"));
  }
}
