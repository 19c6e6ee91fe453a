package org.qunbei.approval;

import java.util.List;

/** 抄送: to whom (usernames) and, if the sender wishes, a note to them. */
public record CopyRequest(List<String> users, String note) {

  static final int MAX_USERS = 20;
  static final int MAX_NOTE = 200;
}
