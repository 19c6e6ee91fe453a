package org.qunbei.notify;

import java.time.Clock;
import java.util.Locale;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.FilingCopied;
import org.qunbei.filing.Filing;
import org.qunbei.filing.Filings;
import org.qunbei.system.Messages;
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

  private final Notices notices;
  private final Filings filings;
  private final Directory directory;
  private final Messages messages;
  private final Clock clock;

  CopyNotices(
      Notices notices, Filings filings, Directory directory, Messages messages, Clock clock) {
    this.notices = notices;
    this.filings = filings;
    this.directory = directory;
    this.messages = messages;
    this.clock = clock;
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
                  notices.save(
                      new Notice(
                          c.username(),
                          c.email(),
                          f.id(),
                          school("notice.copied.title", f.groupName()),
                          school(
                              "notice.copied.body", f.number(), f.groupName(), e.actorName(), note),
                          // A copied reader reads the filing (opening it marks the copy read).
                          "/filings/" + f.id(),
                          clock.instant())));
    }
  }

  private String school(String code, Object... args) {
    return messages.textIn(Locale.SIMPLIFIED_CHINESE, code, args);
  }
}
