package org.qunbei.approval;

/** 转办: to whom (a username) and why. */
public record TransferRequest(String to, String reason) {

  static final int MAX_REASON = 200;
}
