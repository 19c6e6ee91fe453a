package org.qunbei.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingService;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.TooSoonException;
import org.qunbei.system.SqlInstants;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's urging (催办) of the step a filing waits at: the step's deciders get a notice and
 * an e-mail. Once in 24 hours per filing, whoever of the department urges, so that deciders are
 * reminded, not flooded.
 */
@Service
@Transactional
public class Urging {

  static final Duration INTERVAL = Duration.ofHours(24);

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final FilingService filings;
  private final JdbcTemplate jdbc;
  private final SqlInstants instants;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Urging(
      FilingService filings,
      JdbcTemplate jdbc,
      SqlInstants instants,
      ApplicationEventPublisher events,
      Clock clock) {
    this.filings = filings;
    this.jdbc = jdbc;
    this.instants = instants;
    this.events = events;
    this.clock = clock;
  }

  public void urge(CurrentUser user, long filingId) {
    Filing filing = filings.get(user, filingId);
    if (!FilingAccess.mayEdit(user, filing)) {
      throw new ForbiddenException("filing.notYours");
    }
    if (!filing.underReview()) {
      throw new StateConflictException("lifecycle.urge.notWaiting", filing.status());
    }
    // Serialises two urges of the same filing at once: the second waits, then sees the first.
    jdbc.queryForList("select id from filing where id = ? for update", filing.id());
    Instant now = clock.instant();
    Instant last = last(filing.id());
    if (last != null && last.plus(INTERVAL).isAfter(now)) {
      throw new TooSoonException(
          "lifecycle.urge.tooSoon", MINUTE.format(last.plus(INTERVAL).atZone(clock.getZone())));
    }
    jdbc.update(
        "insert into step_urge (filing_id, step, urged_by, urged_at) values (?, ?, ?, ?)",
        filing.id(),
        filing.currentStep(),
        user.username(),
        instants.bind(now));
    events.publishEvent(new StepUrged(filing.id(), filing.currentStep(), user.username()));
  }

  private Instant last(long filingId) {
    return jdbc
        .query(
            "select urged_at from step_urge where filing_id = ? order by urged_at desc",
            (rs, i) -> instants.read(rs, 1),
            filingId)
        .stream()
        .findFirst()
        .orElse(null);
  }
}
