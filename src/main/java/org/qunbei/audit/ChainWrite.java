package org.qunbei.audit;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.system.DatabaseKind;
import org.qunbei.system.SqlArgs;
import org.qunbei.system.SqlInstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the events that join the chain and the head that then ends it, the head's row locked by
 * the caller. On PostgreSQL in one statement — the events' insert a data-modifying CTE beside the
 * head's update — where Hibernate made a round trip per event (their ids come from an identity
 * column, which forbids batching) and one for the head, on every audited transaction; elsewhere
 * through the entities.
 *
 * <p>On PostgreSQL a transaction first tries to append at the end this node wrote last, without
 * locking the head beforehand ({@link #appendAt}): the head's update names the end it expects and
 * takes the row's lock itself, waiting for a writer still committing, and the events are inserted
 * only if it moved the head. Every audited transaction held the head's lock for three round trips
 * (lock, write, commit) and took one more; now for two, while the guess holds (ADR 14).
 */
@Component
class ChainWrite {

  private static final String EVENT_COLUMNS =
      "action, actor, actor_roles, address, at, detail, filing_id, filing_version, hash,"
          + " prev_hash, seq";

  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The same, typed: a VALUES list in a sub-select does not take the insert's column types. */
  private static final String TYPED_ROW =
      "(?, ?, ?, ?, cast(? as timestamptz), ?, cast(? as bigint), cast(? as bigint), ?, ?,"
          + " cast(? as bigint))";

  private final AuditEvents events;
  private final JdbcTemplate jdbc;
  private final SqlInstants instants;
  private final EntityManager em;
  private final boolean oneStatement;

  /** Where this node last ended the chain: a guess at the head, checked by the write itself. */
  private final java.util.concurrent.atomic.AtomicReference<End> lastEnd =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** The head as a write leaves it: its place and hash, and where the kept chain starts. */
  record End(long seq, String hash, long firstSeq, String firstPrev) {}

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
    rows(joined, ROW, sql, args);
    sql.append(") update audit_head set seq = ?, hash = ?, seal = ? where id = ?");
    args.add(last.seq());
    args.add(last.hash());
    args.add(head.sealAfter(last.seq(), last.hash(), seal));
    args.add(AuditHead.ID);
    // The head as loaded is now behind the row: whatever reads it later in this transaction reads
    // the row again.
    em.detach(head);
    jdbc.update(sql.toString(), args.toArray());
    lastEnd.set(new End(last.seq(), last.hash(), head.firstSeq(), head.firstPrev()));
  }

  /** Each event as a row of {@code row}'s placeholders, its values in EVENT_COLUMNS' order. */
  private void rows(List<AuditEvent> joined, String row, StringBuilder sql, List<Object> args) {
    for (int i = 0; i < joined.size(); i++) {
      AuditEvent e = joined.get(i);
      sql.append(i == 0 ? "" : ", ").append(row);
      // Typed, so that a null does not make the database prepare the statement again (SqlArgs).
      args.add(SqlArgs.text(e.action()));
      args.add(SqlArgs.text(e.actor()));
      args.add(SqlArgs.text(e.actorRoles()));
      args.add(SqlArgs.text(e.address()));
      args.add(instants.arg(e.at()));
      args.add(SqlArgs.text(e.detail()));
      args.add(SqlArgs.number(e.filingId()));
      args.add(SqlArgs.number(e.filingVersion()));
      args.add(SqlArgs.text(e.hash()));
      args.add(SqlArgs.text(e.prevHash()));
      args.add(e.seq());
    }
  }

  /** Where to try to append without locking first: null where appends always lock. */
  End guess() {
    return oneStatement ? lastEnd.get() : null;
  }

  /**
   * Appends {@code joined} (chained after {@code expected}) if the head still ends there once this
   * transaction holds its row, in one statement: the head's conditional update, and the events'
   * insert only if that moved it. False, with nothing written, when the head had moved on (another
   * node appended, the transaction that wrote the guess rolled back, retention moved the start).
   */
  boolean appendAt(End expected, List<AuditEvent> joined, AuditSeal seal) {
    AuditEvent last = joined.get(joined.size() - 1);
    var sql =
        new StringBuilder(
            "with moved as (update audit_head set seq = ?, hash = ?, seal = ? where id = ?"
                + " and seq = ? and hash = ? and first_seq = ? and first_prev = ? returning id)"
                + " insert into audit_event ("
                + EVENT_COLUMNS
                + ") select * from (values ");
    List<Object> args = new ArrayList<>();
    args.add(last.seq());
    args.add(last.hash());
    args.add(
        AuditHead.sealOf(last.seq(), last.hash(), expected.firstSeq(), expected.firstPrev(), seal));
    args.add(AuditHead.ID);
    args.add(expected.seq());
    args.add(expected.hash());
    args.add(expected.firstSeq());
    args.add(expected.firstPrev());
    rows(joined, TYPED_ROW, sql, args);
    sql.append(") as v where exists (select 1 from moved)");
    int inserted = jdbc.update(sql.toString(), args.toArray());
    if (inserted == 0) {
      return false;
    }
    lastEnd.set(new End(last.seq(), last.hash(), expected.firstSeq(), expected.firstPrev()));
    return true;
  }
}
