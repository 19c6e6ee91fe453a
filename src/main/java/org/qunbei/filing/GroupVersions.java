package org.qunbei.filing;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A group's versions: the filed change filing becomes the current version and the one it changes is
 * superseded, in the transaction of the last approval.
 */
@Component
class GroupVersions {

  static final EnumSet<FilingStatus> OPEN =
      EnumSet.of(FilingStatus.DRAFT, FilingStatus.IN_REVIEW, FilingStatus.RETURNED);

  private final Filings filings;
  private final Clock clock;

  GroupVersions(Filings filings, Clock clock) {
    this.filings = filings;
    this.clock = clock;
  }

  @EventListener
  void on(FilingFiled filed) {
    if (filed.previousId() == null) {
      return;
    }
    Filing previous = filings.findById(filed.previousId()).orElseThrow();
    previous.supersede(filed.filingId(), clock.instant());
    filings.saveAndFlush(previous);
  }

  List<Filing> of(Filing anyVersion) {
    return filings.findVersions(anyVersion.groupId());
  }

  /** The change filing of this version that is not finished yet, if one is under way. */
  Optional<Filing> openChangeOf(Filing version) {
    return filings.findChangesOf(version.id(), OPEN).stream().findFirst();
  }
}
