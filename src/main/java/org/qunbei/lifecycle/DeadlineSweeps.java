package org.qunbei.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qunbei.calendar.WorkingDays;
import org.qunbei.filing.Filing;
import org.qunbei.filing.Filings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the deadlines missed on a given day and raises each once: an alert for the cyberspace
 * office's list, and a notice (in the app and by e-mail) to whoever must act. An alert whose
 * deadline is met since is resolved. Each alert commits on its own, so one that another node raised
 * at the same moment costs nothing but itself.
 */
@Service
public class DeadlineSweeps {

  private final Filings filings;
  private final LifecycleAlerts alerts;
  private final WorkingDays workingDays;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate each;
  private final LifecycleConfig.Settings settings;
  private final Clock clock;

  DeadlineSweeps(
      Filings filings,
      LifecycleAlerts alerts,
      WorkingDays workingDays,
      ApplicationEventPublisher events,
      PlatformTransactionManager tx,
      LifecycleConfig.Settings settings,
      Clock clock) {
    this.filings = filings;
    this.alerts = alerts;
    this.workingDays = workingDays;
    this.events = events;
    this.each = new TransactionTemplate(tx);
    this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.settings = settings;
    this.clock = clock;
  }

  /** What one run raised and resolved, by kind. */
  public record Report(Map<AlertKind, Integer> raised, Map<AlertKind, Integer> resolved) {}

  /** Runs every sweep for {@code today} (the school's date). */
  public Report run(LocalDate today) {
    var raised = new EnumMap<AlertKind, Integer>(AlertKind.class);
    var resolved = new EnumMap<AlertKind, Integer>(AlertKind.class);
    sweep(
        AlertKind.DISSOLVE_BY_PASSED, filings.findPastDissolveBy(today), f -> "", raised, resolved);
    sweep(AlertKind.CHANGE_OVERDUE, filings.findChangesPastDue(today), f -> "", raised, resolved);
    sweep(AlertKind.STEP_STALLED, stalled(today), DeadlineSweeps::stepKey, raised, resolved);
    return new Report(raised, resolved);
  }

  /** The filings whose step has waited more working days than allowed, as of today. */
  private List<Filing> stalled(LocalDate today) {
    int allowed = settings.stalledWorkingDays();
    ZoneId zone = clock.getZone();
    // Every candidate waited more than `allowed` calendar days; the calendar decides the rest.
    Instant since = today.minusDays(allowed).atStartOfDay(zone).toInstant();
    return filings.findWaitingSince(since).stream()
        .filter(
            f ->
                workingDays.workingDaysBetween(LocalDate.ofInstant(f.stepSince(), zone), today)
                    > allowed)
        .toList();
  }

  /** A step's wait is one alert: the step, in its round. */
  private static String stepKey(Filing f) {
    return f.currentStep() + "#" + f.decisionRound();
  }

  private void sweep(
      AlertKind kind,
      List<Filing> found,
      java.util.function.Function<Filing, String> key,
      Map<AlertKind, Integer> raised,
      Map<AlertKind, Integer> resolved) {
    Set<String> open = new HashSet<>();
    for (Filing f : found) {
      String k = key.apply(f);
      open.add(f.id() + "/" + k);
      Boolean isNew = each.execute(s -> raise(kind, f, k));
      if (Boolean.TRUE.equals(isNew)) {
        raised.merge(kind, 1, Integer::sum);
      }
    }
    Integer n = each.execute(s -> alerts.resolveAllBut(kind, open, clock.instant()));
    resolved.merge(kind, n == null ? 0 : n, Integer::sum);
  }

  private boolean raise(AlertKind kind, Filing f, String key) {
    if (alerts.exists(kind, f.id(), key)) {
      return false;
    }
    String detail = detail(kind, f);
    alerts.insert(kind, f.id(), key, f.departmentCode(), detail, clock.instant());
    events.publishEvent(
        new DeadlineMissed(
            kind, f.id(), kind == AlertKind.STEP_STALLED ? f.currentStep() : null, detail));
    return true;
  }

  /**
   * What the alert records for its text: the day that passed, or for a waiting step its code and
   * the day it began waiting ({@code CYBERSPACE_OFFICE|2026-11-20}).
   */
  private String detail(AlertKind kind, Filing f) {
    return switch (kind) {
      case DISSOLVE_BY_PASSED -> String.valueOf(f.content().dissolveBy());
      case CHANGE_OVERDUE -> String.valueOf(f.lineage().dueBy());
      case STEP_STALLED ->
          f.currentStep() + "|" + LocalDate.ofInstant(f.stepSince(), clock.getZone());
      case MEMBER_DEPARTED -> "";
    };
  }

  /** A person who left: their groups' alerts, raised at once (not on the morning sweep). */
  void departed(AlertKind kind, Filing f, String who) {
    each.execute(
        s -> {
          if (!alerts.exists(kind, f.id(), who)) {
            alerts.insert(kind, f.id(), who, f.departmentCode(), who, clock.instant());
            events.publishEvent(new DeadlineMissed(kind, f.id(), null, who));
          }
          return null;
        });
  }
}
