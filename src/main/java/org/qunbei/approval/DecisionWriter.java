package org.qunbei.approval;

import java.time.Instant;
import org.qunbei.filing.FilingReviews;
import org.qunbei.system.SqlArgs;
import org.springframework.stereotype.Component;

/**
 * A decision's row, with the decider's signature (a delegate's own, when deciding for someone away)
 * and the office's stamp as they are at this moment, picked by the insert itself (the newest upload
 * of each): one statement, not three — and on PostgreSQL part of the filing's update (ADR 26).
 */
@Component
class DecisionWriter {

  private final org.qunbei.system.SqlInstants instants;

  DecisionWriter(org.qunbei.system.SqlInstants instants) {
    this.instants = instants;
  }

  /** The decision's row, for {@link FilingReviews#write} to insert with the filing's change. */
  FilingReviews.Alongside row(
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
    return new FilingReviews.Alongside(
        """
        insert into review_decision (filing_id, review_round, step, decision, opinion, decided_by,
          decided_by_name, decided_at, signature_image_id, stamp_image_id, on_behalf_of,
          on_behalf_of_name)
        values (?, ?, ?, ?, ?, ?, ?, ?,
          (select max(id) from seal_image where kind = 'SIGNATURE' and owner = ?),
          (select max(id) from seal_image where kind = 'STAMP' and owner = ?), ?, ?)
        """,
        filingId,
        round,
        step,
        decision.name(),
        opinion,
        decidedBy,
        decidedByName,
        instants.arg(decidedAt),
        decidedBy,
        SqlArgs.text(stampOwner),
        SqlArgs.text(onBehalf == null ? null : onBehalf.username()),
        SqlArgs.text(onBehalf == null ? null : onBehalf.name()));
  }
}
