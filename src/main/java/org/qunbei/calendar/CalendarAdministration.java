package org.qunbei.calendar;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's side of the calendar: the loaded years, and loading a year's arrangement from
 * its notice — a new year each autumn, or a correction of a loaded one, which replaces it.
 */
@Service
@Transactional
public class CalendarAdministration {

  private final CalendarDays days;
  private final ArrangementYears years;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CalendarAdministration(
      CalendarDays days, ArrangementYears years, ApplicationEventPublisher events, Clock clock) {
    this.days = days;
    this.years = years;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<YearSummary> years() {
    Map<Integer, Map<DayKind, Long>> counts = new HashMap<>();
    for (Object[] row : days.countsByYearAndKind()) {
      counts
          .computeIfAbsent((Integer) row[0], y -> new EnumMap<>(DayKind.class))
          .put((DayKind) row[1], (Long) row[2]);
    }
    return years.findAllByOrderByYearDesc().stream()
        .map(
            y -> {
              Map<DayKind, Long> c = counts.getOrDefault(y.year(), Map.of());
              return new YearSummary(
                  y.year(),
                  c.getOrDefault(DayKind.HOLIDAY, 0L),
                  c.getOrDefault(DayKind.WORKDAY, 0L),
                  y.source(),
                  y.loadedBy(),
                  y.loadedAt());
            })
        .toList();
  }

  @Transactional(readOnly = true)
  public List<ArrangedDay> daysOf(int year) {
    return days.ofYear(year).stream().map(CalendarDay::toDay).toList();
  }

  /** Loads the year's arrangement whole, replacing what was loaded for it, or refuses it whole. */
  public YearSummary load(CurrentUser user, int year, String text, String source) {
    if (!user.has(Role.SYSTEM_ADMIN)) {
      throw new ForbiddenException("calendar.notAdmin");
    }
    var v = new Violations();
    List<ArrangedDay> parsed = ArrangementFile.parse(year, text, v);
    String from = source == null || source.isBlank() ? null : source.strip();
    if (from != null && from.length() > 300) {
      v.add("source", "calendar.source.tooLong", 300);
    }
    v.throwIfAny();
    days.deleteYear(year);
    var loaded = years.findById(year);
    boolean replaced = loaded.isPresent();
    loaded.ifPresentOrElse(
        y -> y.reload(from, user.username(), clock.instant()),
        () -> years.save(new ArrangementYear(year, from, user.username(), clock.instant())));
    days.saveAll(parsed.stream().map(d -> new CalendarDay(year, d)).toList());
    int holidays = (int) parsed.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
    events.publishEvent(
        new CalendarYearLoaded(
            year, holidays, parsed.size() - holidays, replaced, user.username()));
    return years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
  }
}
