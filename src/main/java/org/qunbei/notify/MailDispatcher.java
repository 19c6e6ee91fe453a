package org.qunbei.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending e-mails, each exactly once. A notice is first claimed in a transaction of its
 * own (so that of several app nodes only one sends it), then handed to the mail server outside any
 * transaction and marked sent at the SMTP commit point ({@link #deliver}). A node that dies
 * mid-send leaves a claim whose lease runs out, and the notice is sent again under the same {@code
 * Message-ID}. Without a configured mail server (the embedded default) notices stay in-app only.
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
  private final PublicLinks links;
  private final org.qunbei.system.Messages messages;

  MailDispatcher(
      Notices notices,
      ObjectProvider<JavaMailSender> mail,
      TransactionTemplate tx,
      Clock clock,
      @Value("${qunbei.notify.from:qunbei@localhost}") String from,
      @Value("${qunbei.notify.lease:PT2M}") Duration lease,
      PublicLinks links,
      org.qunbei.system.Messages messages) {
    this.links = links;
    this.messages = messages;
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
    List<Notice> claimed = new ArrayList<>();
    for (Notice due :
        notices.findTop50ByMailStatusInAndNextAttemptAtLessThanEqualOrderByIdAsc(
            EnumSet.of(MailStatus.PENDING, MailStatus.SENDING), now)) {
      Notice n = claim(due.id(), now);
      if (n != null) {
        claimed.add(n);
      }
    }
    return claimed.isEmpty() ? 0 : deliver(sender, claimed, now);
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

  /**
   * Hands the notices to the mail server over one connection. Each is marked sent at the SMTP
   * commit point: after the message's last byte and before the final "." that makes the server keep
   * it. Killed before the mark, the server drops the unfinished message and the notice is sent
   * again after its lease; killed after it, only the "." of an already marked message can be lost.
   * Returns how many the server took.
   */
  private int deliver(JavaMailSender sender, List<Notice> batch, Instant now) {
    Map<MimeMessage, Notice> messages = new LinkedHashMap<>();
    Map<Notice, String> failures = new LinkedHashMap<>();
    for (Notice n : batch) {
      try {
        messages.put(message(sender, n, () -> mark(n.id(), Notice::sent)), n);
      } catch (MessagingException e) {
        failures.put(n, reason(e));
      }
    }
    try {
      sender.send(messages.keySet().toArray(new MimeMessage[0]));
    } catch (MailSendException e) {
      if (e.getFailedMessages().isEmpty()) {
        messages.values().forEach(n -> failures.put(n, reason(e)));
      }
      e.getFailedMessages().forEach((m, cause) -> failures.put(messages.get(m), reason(cause)));
    } catch (MailException e) {
      messages.values().forEach(n -> failures.put(n, reason(e)));
    }
    failures.forEach((n, error) -> failed(n, error, now));
    return batch.size() - failures.size();
  }

  private void failed(Notice n, String error, Instant now) {
    log.warn("Mail to {} failed (attempt {}): {}", n.email(), n.mailAttempts() + 1, error);
    try {
      mark(n.id(), current -> current.failed(error, now));
    } catch (RuntimeException unrecorded) {
      // The claim's lease runs out and another round sends it.
      log.warn(
          "Could not record the failed mail of notice {}: {}", n.id(), unrecorded.getMessage());
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void mark(Long id, java.util.function.Consumer<Notice> change) {
    tx.executeWithoutResult(status -> change.accept(notices.findById(id).orElseThrow()));
  }

  private MimeMessage message(JavaMailSender sender, Notice n, Runnable atCommitPoint)
      throws MessagingException {
    MimeMessage m = new NoticeMessage(sender.createMimeMessage(), n.id(), domain(), atCommitPoint);
    var helper = new MimeMessageHelper(m, "UTF-8");
    helper.setFrom(from);
    helper.setTo(n.email());
    helper.setSubject(n.title());
    helper.setText(text(n));
    m.setHeader(NOTICE_HEADER, String.valueOf(n.id()));
    return m;
  }

  /**
   * The notice's text and, on a line of its own, the absolute link to where the reader acts (plain
   * text: every mail client makes it clickable, none mangles it).
   */
  String text(Notice n) {
    return n.body()
        + "\n\n"
        + messages.textIn(
            java.util.Locale.SIMPLIFIED_CHINESE, "notice.mail.link", links.absolute(n.link()));
  }

  private String domain() {
    int at = from.lastIndexOf('@');
    return at < 0 || at == from.length() - 1 ? "qunbei" : from.substring(at + 1).replace(">", "");
  }

  /**
   * A message whose Message-ID is the notice's, the same on every attempt, and which runs {@code
   * atCommitPoint} once its content is written to the server, before the transport ends the data
   * with ".". A failure there aborts the transfer, so the server keeps nothing.
   */
  private static final class NoticeMessage extends MimeMessage {
    private final String messageId;
    private final Runnable atCommitPoint;

    NoticeMessage(MimeMessage base, long noticeId, String domain, Runnable atCommitPoint) {
      super(base.getSession());
      this.messageId = "<notice-" + noticeId + "@" + domain + ">";
      this.atCommitPoint = atCommitPoint;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList)
        throws IOException, MessagingException {
      super.writeTo(os, ignoreList);
      try {
        atCommitPoint.run();
      } catch (RuntimeException notMarked) {
        throw new IOException("the notice could not be marked sent", notMarked);
      }
    }
  }
}
