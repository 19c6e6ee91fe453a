package org.qunbei.approval;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inserts a decision with the decider's signature (a delegate's own, when deciding for someone
 * away) and the office's stamp as they are at this moment, picked by the insert itself (the newest
 * upload of each): one statement, not three.
 */
@Component
class DecisionWriter {

  private final JdbcTemplate jdbc;
  private final org.qunbei.system.SqlInstants instants;

  DecisionWriter(JdbcTemplate jdbc, org.qunbei.system.SqlInstants instants) {
    this.jdbc = jdbc;
    this.instants = instants;
  }

  void insert(
      Long filingId,
      int round,
      String step,
      DecisionKind decision,
      String opinion,
      String decidedBy,
      String decidedByName,
      Instant decidedAt,
      String stampOwner,
      OnBehalf onBehalf) {
    jdbc.update(
        """
        insert into review_decision (filing_id, review_round, step, decision, opinion, decided_by,
          decided_by_name, decided_at, signature_image_id, stamp_image_id, on_behalf_of,
          on_behalf_of_name)
        values (?, ?, ?, ?, ?, ?, ?, ?,
          (select max(id) from seal_image where kind = 'SIGNATURE' and owner = ?),
          (select max(id) from seal_image where kind = 'STAMP' and owner = ?), ?, ?)
        """,
        ps -> {
          ps.setLong(1, filingId);
          ps.setInt(2, round);
          ps.setString(3, step);
          ps.setString(4, decision.name());
          ps.setString(5, opinion);
          ps.setString(6, decidedBy);
          ps.setString(7, decidedByName);
          ps.setObject(8, instants.bind(decidedAt));
          ps.setString(9, decidedBy);
          ps.setString(10, stampOwner);
          ps.setString(11, onBehalf == null ? null : onBehalf.username());
          ps.setString(12, onBehalf == null ? null : onBehalf.name());
        });
  }
}
