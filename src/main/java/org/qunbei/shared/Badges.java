package org.qunbei.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.IntToLongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The figure on a header badge — 待我审批, 抄送我的, 消息: none when there is nothing, the count up to {@code
 * qunbei.badges.up-to} (99), then "99+". One rule for the three, so that the header never shows
 * "99+" beside "消息 14031", and one way of counting: at most one more than the limit, which the
 * recipient's index gives at once. Counting every row was longer than the page it sat on for a
 * province's cyberspace office (~14,000 filings waiting, as many notices), and nobody reads a
 * figure that large on a badge; the lists themselves still count exactly.
 */
@Component
public class Badges {

  private final int upTo;

  Badges(@Value("${qunbei.badges.up-to:99}") int upTo) {
    if (upTo < 1) {
      throw new IllegalStateException("qunbei.badges.up-to must be 1 or more, not " + upTo);
    }
    this.upTo = upTo;
  }

  /**
   * The badge of a page request, or null: none on a JSON answer (no header to show it in) or when
   * the count is 0. {@code countUpTo} counts for the signed-in user up to the limit it is given,
   * one more than the badge shows so that 99 and "99+" can be told apart.
   */
  public String figure(HttpServletRequest request, IntToLongFunction countUpTo) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null;
    }
    return figure(countUpTo.applyAsLong(upTo + 1));
  }

  String figure(long counted) {
    if (counted <= 0) {
      return null;
    }
    return counted > upTo ? upTo + "+" : Long.toString(counted);
  }
}
