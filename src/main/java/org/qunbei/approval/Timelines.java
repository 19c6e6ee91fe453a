package org.qunbei.approval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.Timeline;
import org.qunbei.filing.Timeline.Entry;
import org.qunbei.filing.Timeline.Kind;
import org.qunbei.lifecycle.Urges;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a filing's timeline from what is on record: its decisions, hand-overs and urgings, and the
 * filing's own submission and dissolution report. Earlier rounds' submissions are not kept apart
 * from the audit trail; their decisions show where each round went.
 */
@Component
@Transactional(readOnly = true)
class Timelines {

  private final Decisions decisions;
  private final TaskTransfers transfers;
  private final Urges urges;
  private final Deciders deciders;
  private final Directory directory;

  Timelines(
      Decisions decisions,
      TaskTransfers transfers,
      Urges urges,
      Deciders deciders,
      Directory directory) {
    this.decisions = decisions;
    this.transfers = transfers;
    this.urges = urges;
    this.deciders = deciders;
    this.directory = directory;
  }

  Timeline of(Filing f) {
    List<Entry> entries = new ArrayList<>();
    entries.add(
        new Entry(f.createdAt(), Kind.CREATED, nameOf(f.createdBy()), null, null, null, null, 0));
    if (f.submittedAt() != null) {
      entries.add(
          new Entry(
              f.submittedAt(),
              Kind.SUBMITTED,
              nameOf(f.createdBy()),
              null,
              null,
              null,
              null,
              f.round()));
    }
    if (f.dissolution() != null) {
      var d = f.dissolution();
      entries.add(
          new Entry(
              d.reportedAt(),
              Kind.DISSOLUTION_REPORTED,
              nameOf(d.reportedBy()),
              null,
              null,
              d.reason(),
              null,
              f.decisionRound()));
    }
    for (Decision d : decisions.findByFilingIdOrderByIdAsc(f.id())) {
      ReviewRecord r = d.record();
      entries.add(
          new Entry(
              r.decidedAt(),
              Kind.DECIDED,
              r.signedAs(),
              deciders.labelOf(r.step()),
              r.decision(),
              r.opinion(),
              null,
              r.round()));
    }
    for (TaskTransfer t : transfers.findByFilingIdOrderByIdAsc(f.id())) {
      entries.add(
          new Entry(
              t.transferredAt(),
              Kind.TRANSFERRED,
              nameOf(t.fromUser()),
              deciders.labelOf(t.step()),
              null,
              t.reason(),
              nameOf(t.toUser()),
              t.round()));
    }
    for (Urges.Urge u : urges.of(f.id())) {
      entries.add(
          new Entry(
              u.urgedAt(),
              Kind.URGED,
              nameOf(u.urgedBy()),
              deciders.labelOf(u.step()),
              null,
              null,
              null,
              0));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new Timeline(holder(f), entries);
  }

  /** Who may decide the waiting step: the colleague it was handed to, or the step's deciders. */
  private Timeline.Holder holder(Filing f) {
    if (!f.underReview()) {
      return null;
    }
    List<String> names =
        f.assignee() != null
            ? List.of(nameOf(f.assignee()))
            : deciders.of(f, f.currentStep()).stream().map(Contact::displayName).toList();
    return new Timeline.Holder(
        deciders.labelOf(f.currentStep()), names, f.stepSince(), f.assignee() != null);
  }

  private String nameOf(String username) {
    if (username == null) {
      return "";
    }
    return directory.contact(username).map(Contact::displayName).orElse(username);
  }
}
