package org.qunbei.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CalendarDays extends Repository<CalendarDay, LocalDate> {

  @Query("select d from CalendarDay d where d.date between :from and :to")
  List<CalendarDay> between(LocalDate from, LocalDate to);

  @Query("select d from CalendarDay d where d.year = :year order by d.date")
  List<CalendarDay> ofYear(int year);

  @Query("select d.year, d.kind, count(d) from CalendarDay d group by d.year, d.kind")
  List<Object[]> countsByYearAndKind();

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from CalendarDay d where d.year = :year")
  void deleteYear(int year);

  <S extends CalendarDay> List<S> saveAll(Iterable<S> days);
}
