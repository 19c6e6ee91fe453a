package org.qunbei.approval;

/** A stock opinion to keep: its text. */
public record OpinionRequest(String text) {

  static final int MAX_OWN = 20;
}
