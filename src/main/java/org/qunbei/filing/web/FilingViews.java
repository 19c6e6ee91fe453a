package org.qunbei.filing.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.FormDiff;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.SimilarFiling;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Component;

/** Assembles what a filing's page and API response show beside the filing itself. */
@Component
class FilingViews {

  private final FilingService service;
  private final Directory directory;
  private final Messages messages;
  private final ReviewRouting review;
  private final java.time.Clock clock;
  private final FieldText text;
  private final org.qunbei.calendar.WorkingDays workingDays;

  FilingViews(
      FilingService service,
      Directory directory,
      Messages messages,
      ReviewRouting review,
      java.time.Clock clock,
      FieldText text,
      org.qunbei.calendar.WorkingDays workingDays) {
    this.service = service;
    this.directory = directory;
    this.messages = messages;
    this.review = review;
    this.clock = clock;
    this.text = text;
    this.workingDays = workingDays;
  }

  /**
   * Where the filing stands in its group's history, for its page: how many versions there are,
   * whether its department may start a change, which version a change changes, and (for its
   * approvers) the fields the change changes.
   */
  History history(CurrentUser user, Filing f, boolean mine) {
    List<Filing> versions = service.versions(user, f.id());
    String previousNumber =
        versions.stream()
            .filter(v -> v.id().equals(f.lineage().previousId()))
            .map(Filing::number)
            .findFirst()
            .orElse("");
    List<DiffRow> changeRows =
        review.mayDecide(user, f)
            ? service
                .changeUnderReview(user, f)
                .map(rows -> rows(rows.stream().filter(FormDiff.Row::changed).toList()))
                .orElse(null)
            : null;
    boolean current = mine && f.status() == org.qunbei.filing.FilingStatus.FILED && !f.dissolving();
    boolean changing =
        versions.stream()
            .anyMatch(
                v ->
                    f.id().equals(v.lineage().previousId())
                        && (v.status().isEditable()
                            || v.status() == org.qunbei.filing.FilingStatus.IN_REVIEW));
    return new History(
        versions.size(),
        current && !changing,
        current && !changing,
        f.dissolution() != null && f.dissolution().late(clock),
        estimated(f.lineage().dueBy())
            || f.dissolution() != null && estimated(f.dissolution().dueBy()),
        previousNumber,
        changeRows);
  }

  /**
   * @param mayChange the department may start a change filing of this version
   * @param mayDissolve the department may report the group dissolved
   * @param dissolutionLate its dissolution report came after its due day
   * @param dueEstimated its due day falls in a year whose holidays are not loaded (weekdays only)
   */
  record History(
      int versionCount,
      boolean mayChange,
      boolean mayDissolve,
      boolean dissolutionLate,
      boolean dueEstimated,
      String previousNumber,
      List<DiffRow> changeRows) {}

  /** A due day counted on weekdays only: its year's holiday arrangement is not loaded yet. */
  private boolean estimated(java.time.LocalDate due) {
    return due != null && !workingDays.knows(due.getYear());
  }

  /** The rows of a side-by-side comparison, labelled and written out for the reader. */
  List<DiffRow> rows(List<FormDiff.Row> rows) {
    return rows.stream()
        .map(
            r ->
                new DiffRow(
                    r.path(),
                    messages.text(r.field().label()),
                    messages.label(r.field().section()),
                    text.of(r.field(), r.from()),
                    text.of(r.field(), r.to()),
                    r.changed()))
        .toList();
  }

  record DiffRow(
      String path, String label, String section, String from, String to, boolean changed) {}

  /**
   * Why a returned filing came back: the step, who returned it (by name), when and their opinion —
   * the latest return, read from the decisions the approval module hands over. Null unless the
   * filing stands RETURNED.
   */
  ReturnNote returned(Filing f) {
    return f.status() == org.qunbei.filing.FilingStatus.RETURNED
        ? returned(f, review.recordOf(f))
        : null;
  }

  ReturnNote returned(Filing f, List<org.qunbei.filing.ReviewRecord> records) {
    if (f.status() != org.qunbei.filing.FilingStatus.RETURNED) {
      return null;
    }
    return records.stream()
        .filter(r -> "RETURN".equals(r.decision()))
        .reduce((a, b) -> b)
        .map(
            r ->
                new ReturnNote(
                    r.step(), stepName(r.step()), r.decidedByName(), r.decidedAt(), r.opinion()))
        .orElse(null);
  }

  /** A return as the edit page heads it (and the filing's page may show it near its top). */
  record ReturnNote(
      String step, String stepName, String by, java.time.Instant at, String opinion) {}

  private String stepName(String code) {
    String key = "ReviewStep." + code;
    String name = messages.text(key);
    if (!name.equals(key)) {
      return name;
    }
    return review.steps().stream()
        .filter(s -> s.code().equals(code))
        .map(org.qunbei.filing.ReviewStepInfo::label)
        .findFirst()
        .orElse(code);
  }

  FilingView of(CurrentUser user, Filing f) {
    return FilingView.of(
        f,
        f.late(clock),
        service.contentFor(user, f),
        directory.nameOf(f.departmentCode()),
        service.qrCode(f).orElse(null),
        review.recordOf(f),
        warnings(f));
  }

  List<FilingView.Warning> warnings(Filing f) {
    return service.similar(f).stream()
        .map(s -> new FilingView.Warning("SIMILAR_GROUP_NAME", message(s), s))
        .toList();
  }

  private String message(SimilarFiling s) {
    return messages.text(
        "filing.similar", s.number() == null ? messages.text("FilingStatus.DRAFT") : s.number());
  }
}
