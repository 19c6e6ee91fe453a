package org.qunbei.notify;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending e-mails, one transaction per notice, retrying failures with growing pauses.
 * Several app nodes may run this at once: a notice's version lets only one of them mark it sent.
 * Without a configured mail server (the embedded default) notices stay in-app only.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  private final Notices notices;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String from;

  MailDispatcher(
      Notices notices,
      ObjectProvider<JavaMailSender> mail,
      TransactionTemplate tx,
      Clock clock,
      @Value("${qunbei.notify.from:qunbei@localhost}") String from) {
    this.notices = notices;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
    this.from = from;
  }

  /** Sends what is due now; returns how many were sent. */
  @Scheduled(fixedDelayString = "${qunbei.notify.interval:PT10S}")
  public int sendDue() {
    return sendDue(clock.instant());
  }

  /** Sends what is due at the given time (tests move time forward to reach a retry). */
  int sendDue(java.time.Instant now) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    for (Notice due :
        notices.findTop50ByMailStatusAndNextAttemptAtLessThanEqualOrderByIdAsc(
            MailStatus.PENDING, now)) {
      try {
        Boolean ok = tx.execute(status -> send(sender, due.id()));
        sent += Boolean.TRUE.equals(ok) ? 1 : 0;
      } catch (ConcurrencyFailureException another) {
        // Another node sent it.
      }
    }
    return sent;
  }

  private boolean send(JavaMailSender sender, Long id) {
    Notice n = notices.findById(id).orElseThrow();
    if (n.mailStatus() != MailStatus.PENDING) {
      return false;
    }
    try {
      var message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(n.email());
      message.setSubject(n.title());
      message.setText(n.body());
      sender.send(message);
      n.sent();
      return true;
    } catch (MailException e) {
      log.warn(
          "Mail to {} failed (attempt {}): {}", n.email(), n.mailAttempts() + 1, e.getMessage());
      n.failed(e.getMessage(), clock.instant());
      return false;
    }
  }
}
