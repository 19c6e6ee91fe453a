package org.qunbei.audit;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.system.DatabaseKind;
import org.qunbei.system.SqlInstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the events that join the chain and the head that then ends it, the head's row locked by
 * the caller. On PostgreSQL in one statement — the events' insert a data-modifying CTE beside the
 * head's update — where Hibernate made a round trip per event (their ids come from an identity
 * column, which forbids batching) and one for the head, on every audited transaction; elsewhere
 * through the entities.
 */
@Component
class ChainWrite {

  private static final String EVENT_COLUMNS =
      "action, actor, actor_roles, address, at, detail, filing_id, filing_version, hash,"
          + " prev_hash, seq";

  private final AuditEvents events;
  private final JdbcTemplate jdbc;
  private final SqlInstants instants;
  private final EntityManager em;
  private final boolean oneStatement;

  ChainWrite(
      AuditEvents events,
      JdbcTemplate jdbc,
      SqlInstants instants,
      EntityManager em,
      DatabaseKind database) {
    this.events = events;
    this.jdbc = jdbc;
    this.instants = instants;
    this.em = em;
    this.oneStatement = database.postgres();
  }

  /** Appends {@code joined} (already chained, in order) and moves the head to the last of them. */
  void write(List<AuditEvent> joined, AuditHead head, AuditSeal seal) {
    if (joined.isEmpty()) {
      return;
    }
    AuditEvent last = joined.get(joined.size() - 1);
    if (!oneStatement) {
      joined.forEach(events::save);
      head.advance(last.seq(), last.hash(), seal);
      return;
    }
    var sql = new StringBuilder("with appended as (insert into audit_event (" + EVENT_COLUMNS);
    sql.append(") values ");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < joined.size(); i++) {
      AuditEvent e = joined.get(i);
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      args.add(e.action());
      args.add(e.actor());
      args.add(e.actorRoles());
      args.add(e.address());
      args.add(instants.bind(e.at()));
      args.add(e.detail());
      args.add(e.filingId());
      args.add(e.filingVersion());
      args.add(e.hash());
      args.add(e.prevHash());
      args.add(e.seq());
    }
    sql.append(") update audit_head set seq = ?, hash = ?, seal = ? where id = ?");
    args.add(last.seq());
    args.add(last.hash());
    args.add(head.sealAfter(last.seq(), last.hash(), seal));
    args.add(AuditHead.ID);
    // The head as loaded is now behind the row: whatever reads it later in this transaction reads
    // the row again.
    em.detach(head);
    jdbc.update(sql.toString(), args.toArray());
  }
}
