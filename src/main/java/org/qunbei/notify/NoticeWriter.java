package org.qunbei.notify;

import java.time.Clock;
import org.qunbei.accounts.Contact;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.Deciders;
import org.qunbei.approval.StepDecided;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingSubmitted;
import org.qunbei.filing.Filings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notices inside the transaction of the change: the next step's deciders when a filing
 * reaches them, the applicant when it is returned, rejected or filed.
 */
@Component
class NoticeWriter {

  private final Notices notices;
  private final Filings filings;
  private final Deciders deciders;
  private final Directory directory;
  private final Clock clock;

  NoticeWriter(
      Notices notices, Filings filings, Deciders deciders, Directory directory, Clock clock) {
    this.notices = notices;
    this.filings = filings;
    this.deciders = deciders;
    this.directory = directory;
    this.clock = clock;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingSubmitted e) {
    filings.findById(e.filingId()).ifPresent(f -> askDeciders(f, e.step()));
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(StepDecided e) {
    Filing f = filings.findById(e.filingId()).orElseThrow();
    if (e.nextStep() != null) {
      askDeciders(f, e.nextStep());
      return;
    }
    String outcome =
        switch (e.status()) {
          case "FILED" -> "已完成备案";
          case "RETURNED" -> "被退回修改";
          case "REJECTED" -> "未予备案";
          default -> e.status();
        };
    directory
        .contact(f.createdBy())
        .ifPresent(
            applicant ->
                write(
                    applicant,
                    f,
                    "【群备】" + f.groupName() + " " + outcome,
                    "您提交的工作群备案（"
                        + f.number()
                        + "，"
                        + f.groupName()
                        + "）"
                        + outcome
                        + "。\n"
                        + deciders.labelOf(e.step())
                        + "："
                        + e.opinion()));
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
                    "【群备】转办给您审批：" + f.groupName(),
                    "工作群备案（"
                        + f.number()
                        + "，"
                        + f.groupName()
                        + "）由 "
                        + e.actor()
                        + " 转办给您审批："
                        + deciders.labelOf(e.step())
                        + "。\n转办理由："
                        + e.reason()));
  }

  private void askDeciders(Filing f, String step) {
    for (Contact c : deciders.of(f, step)) {
      write(
          c,
          f,
          "【群备】待审批：" + f.groupName(),
          "工作群备案（" + f.number() + "，" + f.groupName() + "）等待您的审批：" + deciders.labelOf(step) + "。");
    }
  }

  private void write(Contact to, Filing f, String title, String body) {
    notices.save(new Notice(to.username(), to.email(), f.id(), title, body, clock.instant()));
  }
}
