package org.qunbei.filing;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The database's guard on "no second active group for the same platform and group number": two
 * submissions of the same group at the same moment cannot both hold the claim (the primary key
 * refuses the second, which then fails as a conflict). The friendly check with the other filing's
 * number runs first, in {@link FilingService#submit}.
 *
 * <p>A claim belongs to a group, held by one of its filings: a change filing that keeps the group
 * number takes the claim over from the current version, gives it back if it is rejected or
 * withdrawn, and keeps it when it is filed; the superseded version then holds nothing.
 */
@Component
class GroupClaims {

  private final JdbcTemplate jdbc;
  private final Filings filings;

  GroupClaims(JdbcTemplate jdbc, Filings filings) {
    this.jdbc = jdbc;
    this.filings = filings;
  }

  /** Claims the filing's group number (giving back any number it held before). */
  void claim(Filing filing) {
    if (filing.round() > 1) {
      release(filing); // a resubmission may have changed its group number
    }
    if (filing.groupType() == null
        || filing.groupNumber() == null
        || filing.groupNumber().isBlank()) {
      return;
    }
    String type = filing.groupType().name();
    String number = filing.groupNumber().strip();
    List<Long> holder =
        jdbc.queryForList(
            "select f.id from group_claim g join filing f on f.id = g.filing_id"
                + " where g.group_type = ? and g.group_number = ?"
                + " and (f.id = ? or f.group_id = ?)",
            Long.class,
            type,
            number,
            filing.groupId(),
            filing.groupId());
    if (holder.isEmpty()) {
      jdbc.update(
          "insert into group_claim (group_type, group_number, filing_id) values (?, ?, ?)",
          type,
          number,
          filing.id());
    } else {
      jdbc.update(
          "update group_claim set filing_id = ? where group_type = ? and group_number = ?",
          filing.id(),
          type,
          number);
    }
  }

  /**
   * Gives back what the filing holds; a change filing hands its group's number back to the version
   * it was to change, which is still the group's current one.
   */
  private void release(Filing filing) {
    jdbc.update("delete from group_claim where filing_id = ?", filing.id());
    Long previous = filing.lineage().previousId();
    if (previous != null) {
      filings
          .findById(previous)
          .filter(p -> p.status() == FilingStatus.FILED)
          .ifPresent(this::claim);
    }
  }

  /** A rejected or withdrawn filing no longer holds its group. */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(FilingClosed closed) {
    filings.findById(closed.filingId()).ifPresent(this::release);
  }

  /** A dissolved group's number is free again: another group may file it. */
  @EventListener
  void on(FilingDissolved dissolved) {
    jdbc.update("delete from group_claim where filing_id = ?", dissolved.filingId());
  }

  /** A superseded version holds nothing: its change filing holds what the group claims now. */
  @EventListener
  void on(FilingSuperseded superseded) {
    jdbc.update("delete from group_claim where filing_id = ?", superseded.filingId());
  }
}
