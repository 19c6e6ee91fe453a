package org.qunbei.notify;

import java.time.Clock;
import java.util.Locale;
import org.qunbei.accounts.Contact;
import org.qunbei.approval.Deciders;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Component;

/**
 * Where every notice and robot post is worded and written: in the school's language, to one person,
 * with the place they act. A notice is stored as written and read later by someone whose language
 * is not known here, so it is written in Chinese.
 */
@Component
class NoticeDesk {

  private final Notices notices;
  private final Deciders deciders;
  private final Messages messages;
  private final Clock clock;

  NoticeDesk(Notices notices, Deciders deciders, Messages messages, Clock clock) {
    this.notices = notices;
    this.deciders = deciders;
    this.messages = messages;
    this.clock = clock;
  }

  String school(String code, Object... args) {
    return messages.textIn(Locale.SIMPLIFIED_CHINESE, code, args);
  }

  /** A step by its short name (所属部门审核), or the chain's label when it has none. */
  String stepName(String code) {
    String key = "ReviewStep." + code;
    String name = school(key);
    return name.equals(key) ? deciders.labelOf(code) : name;
  }

  void write(Contact to, Long filingId, String title, String body, String link) {
    notices.save(
        new Notice(to.username(), to.email(), filingId, title, body, link, clock.instant()));
  }
}
