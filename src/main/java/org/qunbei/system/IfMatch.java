package org.qunbei.system;

import org.qunbei.shared.StaleVersionException;

/** Reads the version an {@code If-Match} header names; the ETag of a filing is its version. */
public final class IfMatch {

  private IfMatch() {}

  /** {@code null} when absent or {@code *}: the caller accepts whatever is there. */
  public static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    try {
      return Long.parseLong(tag.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new StaleVersionException(-1);
    }
  }
}
