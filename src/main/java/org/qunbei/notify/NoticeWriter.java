package org.qunbei.notify;

import org.qunbei.accounts.Contact;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.Deciders;
import org.qunbei.approval.StepDecided;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingSubmitted;
import org.qunbei.filing.Filings;
import org.qunbei.filing.Reviewable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notices inside the transaction of the change: the next step's deciders when a filing
 * reaches them, the applicant at every step's decision (passed on, returned, rejected, filed). Each
 * notice keeps where its reader acts — a decider the decision form, the applicant the filing or,
 * for a returned one, its edit page — and names people by their names, never their logins.
 */
@Component
class NoticeWriter {

  private final NoticeDesk desk;
  private final Filings filings;
  private final Deciders deciders;
  private final Directory directory;

  NoticeWriter(NoticeDesk desk, Filings filings, Deciders deciders, Directory directory) {
    this.desk = desk;
    this.filings = filings;
    this.deciders = deciders;
    this.directory = directory;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingSubmitted e) {
    askDeciders(e.filing(), e.step());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.filing.DissolutionReported e) {
    askDeciders(e.filing(), e.step());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(StepDecided e) {
    Reviewable f = e.filing();
    String decider =
        e.actorName() == null || e.actorName().isBlank() ? nameOf(e.actor()) : e.actorName();
    if (e.nextStep() != null) {
      askDeciders(f, e.nextStep());
      // The applicant follows the filing step by step, not only at its end.
      toApplicant(
          f,
          school("notice.step.title", f.groupName(), stepName(e.step())),
          school(
              "notice.step.body",
              f.number(),
              f.groupName(),
              decider,
              stepName(e.step()),
              stepName(e.nextStep()),
              e.opinion()),
          false);
      return;
    }
    // A decision that leaves the filing FILED without approving it refused a dissolution report.
    boolean refusedDissolution =
        e.status().equals("FILED") && e.decision() != org.qunbei.approval.DecisionKind.APPROVE;
    String outcome =
        school(
            refusedDissolution
                ? "notice.outcome.DISSOLUTION_REFUSED"
                : "notice.outcome." + e.status());
    toApplicant(
        f,
        school("notice.decided.title", f.groupName(), outcome),
        school(
            "notice.outcome.body",
            f.number(),
            f.groupName(),
            outcome,
            stepName(e.step()),
            decider,
            e.opinion()),
        e.status().equals("RETURNED"));
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.approval.TaskTransferred e) {
    Filing f = filings.findById(e.filingId()).orElseThrow();
    directory
        .contact(e.colleague())
        .ifPresent(
            c ->
                write(
                    c,
                    f,
                    school("notice.transferred.title", f.groupName()),
                    school(
                        "notice.transferred.body",
                        f.number(),
                        f.groupName(),
                        nameOf(e.actor()),
                        deciders.labelOf(e.step()),
                        e.reason()),
                    PublicLinks.decide(f.id())));
  }

  /** A missed deadline: the waiting step's deciders, or the filing's applicant, must act. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.lifecycle.DeadlineMissed e) {
    Filing f = filings.findById(e.filingId()).orElseThrow();
    String kind = e.kind().name();
    if (e.step() != null) {
      String label = deciders.labelOf(e.step());
      for (Contact c : deciders.of(f, e.step())) {
        write(
            c,
            f,
            school("notice.alert." + kind + ".title", f.groupName()),
            school("notice.alert." + kind + ".body", f.number(), f.groupName(), label),
            PublicLinks.decide(f.id()));
      }
      return;
    }
    toApplicant(
        f,
        school("notice.alert." + kind + ".title", f.groupName()),
        school("notice.alert." + kind + ".body", f.number(), f.groupName(), e.detail()),
        false);
  }

  /** The applicant urged (催办) the waiting step: its deciders are reminded, and told by whom. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(org.qunbei.lifecycle.StepUrged e) {
    Filing f = filings.findById(e.filingId()).orElseThrow();
    for (Contact c : deciders.of(f, e.step())) {
      write(
          c,
          f,
          school("notice.urged.title", f.groupName()),
          school(
              "notice.urged.byBody",
              f.number(),
              f.groupName(),
              deciders.labelOf(e.step()),
              nameOf(e.actor())),
          PublicLinks.decide(f.id()));
    }
  }

  private void askDeciders(Reviewable f, String step) {
    for (Contact c : deciders.of(f, step)) {
      write(
          c,
          f,
          school("notice.waiting.title", f.groupName()),
          school("notice.waiting.body", f.number(), f.groupName(), deciders.labelOf(step)),
          PublicLinks.decide(f.id()));
    }
  }

  private void toApplicant(Reviewable f, String title, String body, boolean returned) {
    directory
        .contact(f.createdBy())
        .ifPresent(applicant -> write(applicant, f, title, body, applicant(f, returned)));
  }

  /** The applicant acts on the filing's page, or on its form when it came back to be corrected. */
  private static String applicant(Reviewable f, boolean returned) {
    return PublicLinks.applicant(f.id(), returned);
  }

  /** A person as the notices name them: their name from the directory, the login only if none. */
  private String nameOf(String username) {
    return directory
        .contact(username)
        .map(Contact::displayName)
        .filter(n -> n != null && !n.isBlank())
        .orElse(username == null ? "" : username);
  }

  private String stepName(String code) {
    return desk.stepName(code);
  }

  private String school(String code, Object... args) {
    return desk.school(code, args);
  }

  private void write(Contact to, Reviewable f, String title, String body, String link) {
    desk.write(to, f.id(), title, body, link);
  }
}
