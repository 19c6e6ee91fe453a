package org.qunbei.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mobiles are encrypted at rest on every database: the raw columns hold no digits of them and name
 * their key version, the filing's own department reads them whole through the API, and a row stored
 * before encryption still reads.
 */
abstract class EncryptionAtRestContract {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Rekeying rekeying;

  /** A provider built apart from the application's, with the keys the test configured. */
  abstract KeyedFieldEncryption configured();

  /** The keys the test configured, as {@code qunbei.crypto.keys} spells them. */
  abstract String keys();

  List<String> rawMobiles(long id) {
    List<String> raw =
        new ArrayList<>(
            jdbc.queryForList(
                "select mobile from filing_team_member where filing_id = ? order by position",
                String.class,
                id));
    raw.add(
        jdbc.queryForObject("select steward_mobile from filing where id = ?", String.class, id));
    return raw;
  }

  @Test
  void theRawColumnsHoldNoDigitsAndNameTheirKeyWhileTheDepartmentReadsThemWhole() {
    ObjectNode sample = Samples.example();
    var created = Api.as(port, "applicant").post("/api/filings", sample.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().path("id").asLong();

    List<String> raw = rawMobiles(id);
    assertThat(raw).hasSize(5);
    List<String> expected = new ArrayList<>();
    sample.path("team").forEach(m -> expected.add(m.path("mobile").asString()));
    expected.add(sample.path("externalSteward").path("mobile").asString());
    for (int i = 0; i < raw.size(); i++) {
      assertThat(raw.get(i))
          .startsWith("v" + configured().currentVersion() + ":")
          .doesNotContainPattern("1[3-9]\\d{9}")
          .doesNotContain(expected.get(i).substring(3));
      // Decrypted apart from the application, with the configured algorithm and key.
      assertThat(configured().decrypt(raw.get(i))).isEqualTo(expected.get(i));
    }

    JsonNode read = Api.as(port, "applicant").get("/api/filings/" + id).json();
    for (int i = 0; i < 4; i++) {
      assertThat(read.path("team").get(i).path("mobile").asString()).isEqualTo(expected.get(i));
    }
    assertThat(read.path("externalSteward").path("mobile").asString()).isEqualTo(expected.get(4));
    JsonNode head = Api.as(port, "depthead").get("/api/filings/" + id).json();
    assertThat(head.path("team").get(0).path("mobile").asString()).isEqualTo(expected.get(0));
  }

  @Test
  void aRowStoredBeforeEncryptionStillReads() {
    ObjectNode sample = Samples.example();
    var created = Api.as(port, "applicant").post("/api/filings", sample.toString());
    long id = created.json().path("id").asLong();
    jdbc.update(
        "update filing_team_member set mobile = '13900000009' where filing_id = ? and position = 1",
        id);
    jdbc.update("update filing set steward_mobile = '13900000008' where id = ?", id);

    JsonNode read = Api.as(port, "applicant").get("/api/filings/" + id).json();
    assertThat(read.path("team").get(1).path("mobile").asString()).isEqualTo("13900000009");
    assertThat(read.path("externalSteward").path("mobile").asString()).isEqualTo("13900000008");
    // Saved again, the plain rows are encrypted like the others.
    ((ObjectNode) sample.path("team").get(1)).put("mobile", "13900000009");
    var put =
        Api.as(port, "applicant")
            .put(
                "/api/filings/" + id,
                sample.toString(),
                "\"" + read.path("version").asLong() + "\"");
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(rawMobiles(id)).allSatisfy(m -> assertThat(m).startsWith("v"));
    assertThat(configured().decrypt(rawMobiles(id).get(1))).isEqualTo("13900000009");
  }

  @Test
  void reKeyingRunsOnThisDatabaseAndBack() {
    var created = Api.as(port, "applicant").post("/api/filings", Samples.example().toString());
    long id = created.json().path("id").asLong();
    String both = keys() + ",9:AES-GCM:" + KeyedFieldEncryptionTest.K2;
    CryptoAlgorithm algorithm = configured().algorithmOf(configured().currentVersion());
    var forward = new KeyedFieldEncryption(algorithm, both, 9, false);
    rekeying.rekey(forward);
    var onlyNine =
        new KeyedFieldEncryption(
            CryptoAlgorithm.AES_GCM, "9:" + KeyedFieldEncryptionTest.K2, null, false);
    assertThat(rawMobiles(id))
        .allSatisfy(m -> assertThat(onlyNine.decrypt(m)).matches("1[3-9]\\d{9}"));
    // Back under the configured key, which the application reads.
    rekeying.rekey(new KeyedFieldEncryption(algorithm, both, configured().currentVersion(), false));
    assertThat(rawMobiles(id))
        .allSatisfy(m -> assertThat(m).startsWith("v" + configured().currentVersion() + ":"));
    assertThat(Api.as(port, "applicant").get("/api/filings/" + id).status()).isEqualTo(200);
  }
}
