package org.qunbei.filing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The database's guard on "no second active filing for the same platform and group number": two
 * submissions of the same group at the same moment cannot both hold the claim (the primary key
 * refuses the second, which then fails as a conflict). The friendly check with the other filing's
 * number runs first, in {@link FilingService#submit}.
 */
@Component
class GroupClaims {

  private final JdbcTemplate jdbc;

  GroupClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the filing's group number (giving back any number it held before). */
  void claim(Filing filing) {
    if (filing.round() > 1) {
      release(filing.id()); // a resubmission may have changed its group number
    }
    FilingContent c = filing.content();
    if (c.groupType() != null && c.groupNumber() != null && !c.groupNumber().isBlank()) {
      jdbc.update(
          "insert into group_claim (group_type, group_number, filing_id) values (?, ?, ?)",
          c.groupType().name(),
          c.groupNumber().strip(),
          filing.id());
    }
  }

  void release(Long filingId) {
    jdbc.update("delete from group_claim where filing_id = ?", filingId);
  }

  /** A rejected or withdrawn filing no longer holds its group. */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(FilingClosed closed) {
    release(closed.filingId());
  }
}
