package org.qunbei.notify;

/** Where a robot's post stands (the outbox's states, as for a notice's mail). */
public enum DeliveryStatus {
  /** Waiting to be posted, or to be tried again. */
  PENDING,
  /** Claimed by a node, which is posting it now; an expired claim is taken again. */
  SENDING,
  SENT,
  /** Given up after the last attempt. */
  FAILED
}
