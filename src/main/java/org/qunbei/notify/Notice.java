package org.qunbei.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** One notice to one person; its e-mail is retried with growing pauses. */
@Entity
@Table(name = "notice")
public class Notice {

  static final int MAX_ATTEMPTS = 8;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Two app nodes may pick the same notice; the version lets only one send it. */
  @Version private long version;

  private String recipient;
  private String email;
  private Long filingId;
  private String title;
  private String body;

  /** Where the reader acts: a path inside Qunbei (the decision form, the filing, its edit page). */
  private String link;

  private Instant createdAt;
  private Instant readAt;

  @Enumerated(EnumType.STRING)
  private MailStatus mailStatus;

  private int mailAttempts;
  private Instant nextAttemptAt;
  private String lastError;

  protected Notice() {}

  Notice(
      String recipient,
      String email,
      Long filingId,
      String title,
      String body,
      String link,
      Instant now) {
    this.recipient = recipient;
    this.link = link;
    this.email = email;
    this.filingId = filingId;
    this.title = title;
    this.body = body;
    this.createdAt = now;
    this.mailStatus = email == null || email.isBlank() ? MailStatus.NONE : MailStatus.PENDING;
    this.nextAttemptAt = now;
  }

  /**
   * Whether a sender may take it now: pending and due, or claimed by a sender whose lease ran out.
   */
  boolean due(Instant now) {
    return (mailStatus == MailStatus.PENDING || mailStatus == MailStatus.SENDING)
        && nextAttemptAt != null
        && !nextAttemptAt.isAfter(now);
  }

  /**
   * Taken by one sender until {@code leaseEnd}; committed before the mail server is called, so that
   * a second node (whose claim fails on the version) never sends it too.
   */
  void claim(Instant leaseEnd) {
    mailStatus = MailStatus.SENDING;
    nextAttemptAt = leaseEnd;
  }

  void sent() {
    mailStatus = MailStatus.SENT;
    mailAttempts++;
    nextAttemptAt = null;
    lastError = null;
  }

  /** 1, 2, 4 … minutes between attempts; FAILED after the last one. */
  void failed(String error, Instant now) {
    mailAttempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    if (mailAttempts >= MAX_ATTEMPTS) {
      mailStatus = MailStatus.FAILED;
      nextAttemptAt = null;
    } else {
      mailStatus = MailStatus.PENDING;
      nextAttemptAt = now.plus(Duration.ofMinutes(1L << (mailAttempts - 1)));
    }
  }

  void read(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public String email() {
    return email;
  }

  public Long filingId() {
    return filingId;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  /**
   * The path the notice leads to: where its reader acts, or (for a notice written before links were
   * kept) its filing's page.
   */
  public String link() {
    if (link != null) {
      return link;
    }
    return filingId == null ? "/notices" : "/filings/" + filingId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When a sender may first take it. */
  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant readAt() {
    return readAt;
  }

  public MailStatus mailStatus() {
    return mailStatus;
  }

  public int mailAttempts() {
    return mailAttempts;
  }

  public String lastError() {
    return lastError;
  }
}
