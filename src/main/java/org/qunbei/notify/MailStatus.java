package org.qunbei.notify;

/** Where a notice's e-mail stands. */
public enum MailStatus {
  /** Waiting to be sent, or to be tried again. */
  PENDING,
  /**
   * Claimed by a sender, which is talking to the mail server now. A claim whose lease ran out
   * belongs to a node that died mid-send; the notice is then sent again with the same Message-ID.
   */
  SENDING,
  SENT,
  /** Given up after the last attempt; the in-app notice still stands. */
  FAILED,
  /** Nothing to send: the recipient has no address. */
  NONE
}
