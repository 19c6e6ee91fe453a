package org.qunbei.notify;

import org.qunbei.accounts.Directory;
import org.qunbei.approval.FilingCopied;
import org.qunbei.filing.Filing;
import org.qunbei.filing.Filings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells each person a filing was copied to (抄送) that it is theirs to read, in the transaction of
 * the copy, in the school's language (as {@link NoticeWriter} writes its notices).
 */
@Component
class CopyNotices {

  private final NoticeDesk desk;
  private final Filings filings;
  private final Directory directory;

  CopyNotices(NoticeDesk desk, Filings filings, Directory directory) {
    this.desk = desk;
    this.filings = filings;
    this.directory = directory;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(FilingCopied e) {
    Filing f = filings.findById(e.filingId()).orElseThrow();
    String note = e.note() == null ? "" : school("notice.copied.note", e.note());
    for (String username : e.recipients()) {
      directory
          .contact(username)
          .ifPresent(
              c ->
                  desk.write(
                      c,
                      f.id(),
                      school("notice.copied.title", f.groupName()),
                      school("notice.copied.body", f.number(), f.groupName(), e.actorName(), note),
                      // A copied reader reads the filing (opening it marks the copy read).
                      "/filings/" + f.id()));
    }
  }

  private String school(String code, Object... args) {
    return desk.school(code, args);
  }
}
