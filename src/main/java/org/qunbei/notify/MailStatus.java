package org.qunbei.notify;

/** Where a notice's e-mail stands. */
public enum MailStatus {
  /** Waiting to be sent, or to be tried again. */
  PENDING,
  SENT,
  /** Given up after the last attempt; the in-app notice still stands. */
  FAILED,
  /** Nothing to send: the recipient has no address. */
  NONE
}
