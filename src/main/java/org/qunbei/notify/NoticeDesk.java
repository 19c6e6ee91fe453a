package org.qunbei.notify;

import java.time.Clock;
import java.util.List;
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

  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final org.qunbei.shared.AtCommit<Notice> atCommit;
  private final org.qunbei.system.SqlInstants instants;
  private final Deciders deciders;
  private final Messages messages;
  private final Clock clock;

  NoticeDesk(
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.qunbei.system.SqlInstants instants,
      Deciders deciders,
      Messages messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.instants = instants;
    // Before the audit's (lowest precedence): its lock is then not held while notices are written.
    this.atCommit = new org.qunbei.shared.AtCommit<>(this::insert, 0);
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

  /**
   * Writes the notice in the transaction that caused it (the outbox, ADR 6). A decision notices two
   * or three people; their rows are written together just before the transaction commits ({@link
   * org.qunbei.shared.AtCommit}): one round trip instead of one per person (an entity with an
   * identity id is inserted at once, one by one).
   */
  void write(Contact to, Long filingId, String title, String body, String link) {
    atCommit.add(
        new Notice(to.username(), to.email(), filingId, title, body, link, clock.instant()));
  }

  /** The columns a new notice has (the entity maps the same: Notice). */
  private void insert(List<Notice> batch) {
    jdbc.batchUpdate(
        "insert into notice (recipient, email, filing_id, title, body, link, created_at,"
            + " mail_status, mail_attempts, next_attempt_at, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)",
        batch,
        batch.size(),
        (ps, n) -> {
          ps.setString(1, n.recipient());
          ps.setString(2, n.email());
          ps.setObject(3, n.filingId());
          ps.setString(4, n.title());
          ps.setString(5, n.body());
          ps.setString(6, n.link());
          ps.setObject(7, instants.bind(n.createdAt()));
          ps.setString(8, n.mailStatus().name());
          ps.setObject(9, instants.bind(n.nextAttemptAt()));
        });
  }
}
