package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a filing stands in its group's history. A group keeps one identity through its filings:
 * {@code groupId} is the id of its first filing (stored null on that filing itself, which needs no
 * second write to learn its own id); a change filing names the version it changes, the day the
 * group changed, what changed, and the day by which commitment 4 wants it filed.
 */
@Embeddable
public record Lineage(
    @Column(name = "group_id") Long groupId,
    @Enumerated(EnumType.STRING) @Column(name = "kind") FilingKind kind,
    @Column(name = "previous_id") Long previousId,
    @Column(name = "changed_on") LocalDate changedOn,
    @Column(name = "change_reason") String changeReason,
    @Column(name = "due_by") LocalDate dueBy) {

  static Lineage first() {
    return new Lineage(null, FilingKind.NEW, null, null, null, null);
  }

  static Lineage changeOf(Filing current, ChangeRequest change, LocalDate dueBy) {
    return new Lineage(
        current.groupId(),
        FilingKind.CHANGE,
        current.id(),
        change.changedOn(),
        change.reason().strip(),
        dueBy);
  }

  /**
   * A change filing filed after its due day, or still not filed once it passed: commitment 4 was
   * not kept. A rejected one is no longer counted (the group did not change on the record).
   */
  public boolean late(FilingStatus status, Instant filedAt, Clock clock) {
    return late(dueBy, status, filedAt, clock);
  }

  /** {@link #late(FilingStatus, Instant, Clock)} from the stored columns, for queries. */
  public static boolean late(LocalDate dueBy, FilingStatus status, Instant filedAt, Clock clock) {
    if (dueBy == null || status == FilingStatus.REJECTED) {
      return false;
    }
    LocalDate by =
        filedAt == null ? LocalDate.now(clock) : LocalDate.ofInstant(filedAt, clock.getZone());
    return by.isAfter(dueBy);
  }
}
