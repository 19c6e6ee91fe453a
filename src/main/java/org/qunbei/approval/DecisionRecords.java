package org.qunbei.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.system.SqlInstants;
import org.springframework.stereotype.Component;

/**
 * The decisions of many filings, every round, read as plain values for the export (some 4 × 10^5 of
 * them at 10^5 filings). By hand rather than through the entity mapping, which read each instant
 * through a new Calendar: most of what the export's look-up thread allocated. (Joining the filing
 * to keep its current round alone cost more in the database than the rows it saved.)
 */
@Component
class DecisionRecords {

  private final SqlInstants instants;
  private final org.qunbei.system.SqlIds ids;

  DecisionRecords(SqlInstants instants, org.qunbei.system.SqlIds ids) {
    this.instants = instants;
    this.ids = ids;
  }

  Map<Long, List<ReviewRecord>> of(Collection<Long> filingIds) {
    return ids.grouped(
        "select d.filing_id, d.review_round, d.step, d.decision, d.opinion, d.decided_by,"
            + " d.decided_by_name, d.decided_at, d.signature_image_id, d.stamp_image_id,"
            + " d.on_behalf_of, d.on_behalf_of_name from review_decision d",
        "d.filing_id",
        "d.id",
        filingIds,
        (rs, n) ->
            new ReviewRecord(
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                instants.read(rs, 8),
                rs.getObject(9, Long.class),
                rs.getObject(10, Long.class),
                rs.getString(11),
                rs.getString(12)));
  }
}
