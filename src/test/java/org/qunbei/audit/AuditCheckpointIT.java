package org.qunbei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qunbei.support.Api;
import org.qunbei.support.OfflineVerifier;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints as the auditor uses them: exported from the running app, checked offline by
 * the documented command with only the pinned public key — and an attacker who holds the seal's
 * HMAC key (the application's configuration) but not the checkpoint key rewrites the trail's end:
 * caught online at the checkpoint and offline against the earlier export. Then retention removes
 * the oldest events and the shorter chain still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AuditCheckpointIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditCheckpointing checkpointing;
  @Autowired AuditSeal seal;
  @Autowired AuditHeads heads;
  @Autowired AuditPurges purges;
  @Autowired AuditTrail trail;
  @Autowired TransactionTemplate tx;
  @TempDir Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  private void someWork(int base) {
    for (int i = 0; i < 2; i++) {
      var body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", String.valueOf(base + i));
      long id =
          Api.as(port, "applicant")
              .post("/api/filings", body.toString())
              .json()
              .path("id")
              .asLong();
      Api.as(port, "applicant").post("/api/filings/" + id + "/submit", "");
    }
  }

  private Path export(String name) throws Exception {
    Api.Reply r = Api.as(port, "auditor").get("/api/audit/export");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.header("Content-Disposition")).contains("qunbei-audit-export.txt");
    Path file = dir.resolve(name);
    Files.writeString(file, r.text(), StandardCharsets.UTF_8);
    return file;
  }

  private String problem() {
    return Api.as(port, "auditor").get("/api/audit/chain").json().path("problem").asString();
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void checkpointsVerifyOfflineAndCatchARewriteBySomeoneWithTheSealKey() throws Exception {
    someWork(161803);
    assertThat(checkpointing.make()).isPresent();
    assertThat(checkpointing.make()).as("nothing new: no second checkpoint").isEmpty();
    someWork(161810);
    var second = checkpointing.make().orElseThrow();

    Api.Reply keyReply = Api.as(port, "auditor").get("/api/audit/key");
    assertThat(keyReply.text()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(Api.as(port, "applicant").get("/api/audit/key").status()).isEqualTo(403);
    assertThat(Api.as(port, "applicant").get("/api/audit/export").status()).isEqualTo(403);
    Path key = dir.resolve("audit-key.pem");
    Files.writeString(key, keyReply.text());

    Path first = export("first.txt");
    var ok = OfflineVerifier.run(key, first);
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("INTACT").contains("签名检查点");

    // The export file edited: a checkpoint's hash changed no longer verifies.
    Path forgedFile = dir.resolve("forged.txt");
    Files.writeString(
        forgedFile,
        Files.readString(first)
            .replace(
                "checkpoint " + second.seq() + " " + second.headHash(),
                "checkpoint " + second.seq() + " " + "0".repeat(64)));
    var forged = OfflineVerifier.run(key, forgedFile);
    assertThat(forged.exit()).as(forged.output()).isEqualTo(1);
    assertThat(forged.output()).contains("forged");

    // A key that is not the pinned one: refused.
    Path otherKey = dir.resolve("other.pem");
    Files.writeString(
        otherKey,
        org.qunbei.shared.crypto.SigningKey.demo(org.qunbei.shared.crypto.SigningKey.Algorithm.SM2)
            .publicKeyPem());
    assertThat(OfflineVerifier.run(otherKey, first).output()).contains("not a pinned key");

    // The attacker rewrites the signed last event and reseals it and the head with the HMAC key.
    long n = second.seq();
    rewriteEvent(n, "nothing happened");
    assertThat(problem()).isEqualTo("checkpoint");
    Path after = export("after.txt");
    var alone = OfflineVerifier.run(key, after);
    assertThat(alone.exit()).as("the new export's own checkpoint no longer matches").isEqualTo(1);
    var compared = OfflineVerifier.run(key, after, first);
    assertThat(compared.exit()).isEqualTo(1);
    assertThat(compared.output()).contains("rewritten");

    // A checkpoint whose signature was altered in the database.
    String sig =
        jdbc.queryForObject(
            "select signature from audit_checkpoint where seq = ?", String.class, n);
    jdbc.update("update audit_checkpoint set signature = ? where seq = ?", flip(sig), n);
    assertThat(problem()).isEqualTo("signature");
    jdbc.update("update audit_checkpoint set signature = ? where seq = ?", sig, n);
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void retentionRemovesTheOldestEventsAndTheRestStillVerifies() throws Exception {
    someWork(141421);
    checkpointing.make();
    assertThat(AuditRetention.tooShort(Period.ofMonths(5), LocalDate.now())).isTrue();
    assertThat(AuditRetention.tooShort(Period.ofDays(180), LocalDate.of(2026, 12, 5))).isTrue();
    assertThat(AuditRetention.tooShort(Period.ofMonths(6), LocalDate.now())).isFalse();
    assertThat(AuditRetention.tooShort(Period.ofYears(3), LocalDate.now())).isFalse();

    long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);
    // A year from now, with six months kept: every event so far is past its period.
    Clock later = Clock.fixed(Instant.now().plus(java.time.Duration.ofDays(366)), ZoneId.of("UTC"));
    var retention = new AuditRetention("P6M", heads, purges, seal, trail, later);
    long removed = tx.execute(s -> (Long) retention.purge());
    assertThat(removed).isGreaterThan(0).isLessThan(before);
    var chain = Api.as(port, "auditor").get("/api/audit/chain").json();
    assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'AUDIT_PURGED'", Long.class))
        .isEqualTo(1);
    var today = new AuditRetention("P6M", heads, purges, seal, trail, Clock.systemUTC());
    assertThat((long) tx.execute(s -> (Long) today.purge())).as("nothing more to remove").isZero();
    var offline = OfflineVerifier.run(writeKey(), export("kept.txt"));
    assertThat(offline.exit()).as(offline.output()).isZero();
  }

  private Path writeKey() throws Exception {
    Path key = dir.resolve("key.pem");
    Files.writeString(key, checkpointing.publicKeyPem());
    return key;
  }

  /**
   * What someone with database access and the seal's key (but no checkpoint key) can do: edit an
   * event, then re-link and reseal every event after it and the head, so the seals all hold.
   */
  private void rewriteEvent(long seq, String detail) {
    tx.executeWithoutResult(
        s -> {
          jdbc.update("update audit_event set detail = ? where seq = ?", detail, seq);
          long last = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
          String previous = null;
          for (long at = seq; at <= last; at++) {
            if (previous != null) {
              jdbc.update("update audit_event set prev_hash = ? where seq = ?", previous, at);
            }
            AuditEvent e =
                events()
                    .findBySeqGreaterThanEqualOrderBySeqAsc(
                        at, org.springframework.data.domain.PageRequest.of(0, 1))
                    .get(0);
            previous = seal.of(e.content());
            jdbc.update("update audit_event set hash = ? where seq = ?", previous, at);
          }
          heads.lockHead().advance(last, previous, seal);
        });
  }

  @Autowired AuditEvents auditEvents;

  private AuditEvents events() {
    return auditEvents;
  }

  private static String flip(String base64) {
    byte[] b = java.util.Base64.getDecoder().decode(base64);
    b[5] ^= 1;
    return java.util.Base64.getEncoder().encodeToString(b);
  }
}
