package org.qunbei.notify;

import org.qunbei.accounts.Contact;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.Deciders;
import org.qunbei.approval.DelegationCreated;
import org.qunbei.approval.TaskDelegated;
import org.qunbei.filing.Filings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a delegate (委托) what they took on: when a colleague names them, and each task that comes to
 * them for someone away. Written in the transaction of the change, like every notice.
 */
@Component
class DelegationNotices {

  private final NoticeDesk desk;
  private final Filings filings;
  private final Deciders deciders;
  private final Directory directory;

  DelegationNotices(NoticeDesk desk, Filings filings, Deciders deciders, Directory directory) {
    this.desk = desk;
    this.filings = filings;
    this.deciders = deciders;
    this.directory = directory;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(DelegationCreated e) {
    directory
        .contact(e.delegate())
        .ifPresent(
            c ->
                write(
                    c,
                    null,
                    school("notice.delegation.created.title", e.delegatorName()),
                    school(
                        "notice.delegation.created.body",
                        e.delegatorName(),
                        e.from().toString(),
                        e.to().toString())));
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(TaskDelegated e) {
    var f = filings.findById(e.filingId()).orElseThrow();
    directory
        .contact(e.delegate())
        .ifPresent(
            c ->
                write(
                    c,
                    f.id(),
                    school("notice.delegation.task.title", e.delegatorName(), f.groupName()),
                    school(
                        "notice.delegation.task.body",
                        e.delegatorName(),
                        f.groupName(),
                        f.number(),
                        deciders.labelOf(e.step()))));
  }

  /** Notices are read later by someone whose language is not known here: the school's, Chinese. */
  private String school(String code, Object... args) {
    return desk.school(code, args);
  }

  /**
   * The delegate acts on the task's decision form, or on their inbox where delegated tasks land.
   */
  private void write(Contact to, Long filingId, String title, String body) {
    String link = filingId == null ? "/tasks" : PublicLinks.decide(filingId);
    desk.write(to, filingId, title, body, link);
  }
}
