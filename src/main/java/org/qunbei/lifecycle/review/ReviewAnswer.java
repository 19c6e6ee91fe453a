package org.qunbei.lifecycle.review;

/** How a department answered for a group in a review round. */
public enum ReviewAnswer {
  /** Not answered yet. */
  NONE,
  /** Confirmed as it is on file, with its member count now. */
  CONFIRMED,
  /** A change filing of it was started after the round opened. */
  CHANGED,
  /** Its dissolution was reported after the round opened. */
  DISSOLVED
}
