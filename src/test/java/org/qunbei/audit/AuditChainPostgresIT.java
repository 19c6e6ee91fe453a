package org.qunbei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.qunbei.system.DatabaseKind;
import org.qunbei.system.SqlInstants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a transaction appends to the audit chain at the end its node wrote last, the head's
 * update checking that guess (ChainWrite.appendAt), and falls back to locking the head when the
 * guess is wrong. The chain must come out whole either way: transactions at once on one node,
 * another node appending in between, retention moving the chain's start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditChainPostgresIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditEvents events;
  @Autowired AuditHeads heads;
  @Autowired AuditSeal seal;
  @Autowired AuditPurges purges;
  @Autowired AuditTrail trail;
  @Autowired AuditCheckpointing checkpoints;
  @Autowired SqlInstants instants;
  @Autowired EntityManager em;
  @Autowired DatabaseKind database;
  @Autowired TransactionTemplate tx;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("postgresql", registry);
  }

  private long draft(int groupNumber) {
    var body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", String.valueOf(groupNumber));
    Api.Reply r = Api.as(port, "applicant").post("/api/filings", body.toString());
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  private void assertWhole() {
    var chain = Api.as(port, "auditor").get("/api/audit/chain").json();
    assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
    var head = jdbc.queryForMap("select seq, first_seq from audit_head where id = 1");
    long seq = ((Number) head.get("seq")).longValue();
    long first = ((Number) head.get("first_seq")).longValue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where seq between ? and ?",
                Long.class,
                first,
                seq))
        .as("one event at each place from %d to %d", first, seq)
        .isEqualTo(seq - first + 1);
    assertThat(jdbc.queryForObject("select max(seq) from audit_event", Long.class))
        .as("no event beyond the head")
        .isEqualTo(seq);
  }

  @Test
  void transactionsAtOnceAndAnotherNodeInBetweenStillMakeOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> made = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = 3_141_000 + i;
        made.add(pool.submit(() -> draft(n)));
      }
      for (var f : made) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertWhole();

    // Another node (its own ChainWrite, which has written nothing yet) appends: this node's guess
    // of the head is now behind, and its next append must lock the head instead.
    var otherNode =
        new AuditTrail(
            events,
            heads,
            seal,
            checkpoints,
            new ChainWrite(events, jdbc, instants, em, database),
            Clock.systemUTC());
    long before = jdbc.queryForObject("select seq from audit_head where id = 1", Long.class);
    tx.executeWithoutResult(
        s -> otherNode.recordPurge(Period.ofYears(3), java.time.LocalDate.now(), 0));
    long mine = draft(3_141_100);
    assertWhole();
    Long purged =
        jdbc.queryForObject(
            "select min(seq) from audit_event where seq > ? and action = 'AUDIT_PURGED'",
            Long.class,
            before);
    Long created =
        jdbc.queryForObject(
            "select seq from audit_event where action = 'DRAFT_CREATED' and filing_id = ?",
            Long.class,
            mine);
    assertThat(purged).as("the other node's event joined the chain").isNotNull();
    assertThat(created).as("this node's next event after it, not over it").isGreaterThan(purged);
  }

  @Test
  void retentionMovingTheStartIsWhatTheNextAppendBuildsOn() {
    draft(3_142_000);
    draft(3_142_001);
    Clock later = Clock.fixed(Instant.now().plus(java.time.Duration.ofDays(366)), ZoneId.of("UTC"));
    var retention = new AuditRetention("P6M", heads, purges, seal, trail, later);
    long removed = tx.execute(s -> (Long) retention.purge());
    assertThat(removed).isGreaterThan(0);
    assertWhole();
    draft(3_142_002);
    assertWhole();
  }
}
