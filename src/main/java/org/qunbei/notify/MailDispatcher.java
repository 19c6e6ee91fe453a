package org.qunbei.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending e-mails. Each notice is first claimed in a transaction of its own (so that of
 * several app nodes only one sends it), then handed to the mail server outside any transaction,
 * then marked sent or failed. A node killed between the server's acceptance and the mark leaves a
 * claim whose lease runs out; the notice is then sent again under the same {@code Message-ID}, the
 * one case in which a recipient may see it twice. Without a configured mail server (the embedded
 * default) notices stay in-app only.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  /** The header that ties a message to its notice (and lets a mail system drop a re-send). */
  public static final String NOTICE_HEADER = "X-Qunbei-Notice";

  private final Notices notices;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String from;
  private final Duration lease;

  MailDispatcher(
      Notices notices,
      ObjectProvider<JavaMailSender> mail,
      TransactionTemplate tx,
      Clock clock,
      @Value("${qunbei.notify.from:qunbei@localhost}") String from,
      @Value("${qunbei.notify.lease:PT2M}") Duration lease) {
    this.notices = notices;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
    this.from = from;
    this.lease = lease;
  }

  /** Sends what is due now; returns how many were sent. */
  @Scheduled(fixedDelayString = "${qunbei.notify.interval:PT10S}")
  public int sendDue() {
    return sendDue(clock.instant());
  }

  /** Sends what is due at the given time (tests move time forward to reach a retry). */
  int sendDue(Instant now) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int sent = 0;
    for (Notice due :
        notices.findTop50ByMailStatusInAndNextAttemptAtLessThanEqualOrderByIdAsc(
            EnumSet.of(MailStatus.PENDING, MailStatus.SENDING), now)) {
      Notice claimed = claim(due.id(), now);
      if (claimed != null && deliver(sender, claimed, now)) {
        sent++;
      }
    }
    return sent;
  }

  /** The notice, claimed by this node; null when it is not due or another node took it. */
  private Notice claim(Long id, Instant now) {
    try {
      return tx.execute(
          status -> {
            Notice n = notices.findById(id).orElseThrow();
            if (!n.due(now)) {
              return null;
            }
            n.claim(now.plus(lease));
            return n;
          });
    } catch (ConcurrencyFailureException another) {
      return null;
    }
  }

  private boolean deliver(JavaMailSender sender, Notice n, Instant now) {
    String error = null;
    try {
      sender.send(message(sender, n));
    } catch (MailException | MessagingException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("Mail to {} failed (attempt {}): {}", n.email(), n.mailAttempts() + 1, error);
    }
    String failure = error;
    tx.executeWithoutResult(
        status -> {
          Notice current = notices.findById(n.id()).orElseThrow();
          if (failure == null) {
            current.sent();
          } else {
            current.failed(failure, now);
          }
        });
    return failure == null;
  }

  private MimeMessage message(JavaMailSender sender, Notice n) throws MessagingException {
    MimeMessage m = new NoticeMessage(sender.createMimeMessage(), n.id(), domain());
    var helper = new MimeMessageHelper(m, "UTF-8");
    helper.setFrom(from);
    helper.setTo(n.email());
    helper.setSubject(n.title());
    helper.setText(n.body());
    m.setHeader(NOTICE_HEADER, String.valueOf(n.id()));
    return m;
  }

  private String domain() {
    int at = from.lastIndexOf('@');
    return at < 0 || at == from.length() - 1 ? "qunbei" : from.substring(at + 1).replace(">", "");
  }

  /** A message whose Message-ID is the notice's, the same on every attempt. */
  private static final class NoticeMessage extends MimeMessage {
    private final String messageId;

    NoticeMessage(MimeMessage base, long noticeId, String domain) {
      super(base.getSession());
      this.messageId = "<notice-" + noticeId + "@" + domain + ">";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
