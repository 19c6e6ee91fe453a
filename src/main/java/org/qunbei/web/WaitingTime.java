package org.qunbei.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How long a filing has waited, as an approver reads it at a glance (已等待 2天3小时): the coarse unit
 * that matters, not a timestamp to subtract in one's head.
 */
@Component("waited")
public class WaitingTime {

  private final Clock clock;
  private final MessageSource messages;

  WaitingTime(Clock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  private String text(String code, Object... args) {
    return messages.getMessage(code, args, LocaleContextHolder.getLocale());
  }

  public String since(Instant since) {
    if (since == null) {
      return "";
    }
    Duration d = Duration.between(since, clock.instant());
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toDays() > 0) {
      return text("waited.days", d.toDays(), d.toHoursPart());
    }
    if (d.toHours() > 0) {
      return text("waited.hours", d.toHours(), d.toMinutesPart());
    }
    return text("waited.minutes", Math.max(1, d.toMinutes()));
  }

  /** A day or more: the row is marked, so a long wait stands out in the list. */
  public boolean long_(Instant since) {
    return since != null && Duration.between(since, clock.instant()).toHours() >= 24;
  }
}
