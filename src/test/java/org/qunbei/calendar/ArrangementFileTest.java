package org.qunbei.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.Violation;
import org.qunbei.shared.Violations;

/** An administrator's arrangement file: taken whole, or refused with every bad line named. */
class ArrangementFileTest {

  @Test
  void readsTheShippedFormatWithOrWithoutHeaderAndTheNoticesMarks() {
    var v = new Violations();
    List<ArrangedDay> days =
        ArrangementFile.parse(
            2027,
            "\uFEFFdate,kind,name\n2027-10-01,HOLIDAY,国庆节\n\n2027-10-09,班,国庆节\r\n2027-10-02，休，国庆节",
            v);
    assertThat(v.list()).isEmpty();
    assertThat(days)
        .containsExactly(
            new ArrangedDay(LocalDate.of(2027, 10, 1), DayKind.HOLIDAY, "国庆节"),
            new ArrangedDay(LocalDate.of(2027, 10, 9), DayKind.WORKDAY, "国庆节"),
            new ArrangedDay(LocalDate.of(2027, 10, 2), DayKind.HOLIDAY, "国庆节"));
  }

  @Test
  void namesEveryBadLine() {
    var v = new Violations();
    List<ArrangedDay> days =
        ArrangementFile.parse(
            2027,
            String.join(
                "\n",
                "2027-10-01,HOLIDAY,国庆节",
                "2027-13-01,HOLIDAY,国庆节",
                "2027-10-01,WORKDAY,国庆节",
                "2027-10-08,WORKDAY,国庆节",
                "2028-01-01,HOLIDAY,元旦",
                "2027-10-03,放假,国庆节",
                "2027-10-04,HOLIDAY",
                "2027-10-05,HOLIDAY,"),
            v);
    assertThat(v.list()).extracting(Violation::field).containsOnly("file");
    assertThat(v.list())
        .extracting(x -> x.code() + "@" + x.args()[0])
        .containsExactly(
            "calendar.line.date@2",
            "calendar.line.repeated@3",
            "calendar.line.workdayOnWeekday@4",
            "calendar.line.year@5",
            "calendar.line.kind@6",
            "calendar.line.columns@7",
            "calendar.line.name@8");
    // The day listed twice names the line that listed it first.
    assertThat(v.list().get(1).args()[2]).isEqualTo(1);
    assertThat(days).hasSize(1);
  }

  @Test
  void refusesAnEmptyFileAndAnImpossibleYear() {
    var v = new Violations();
    ArrangementFile.parse(2027, " \n", v);
    assertThat(v.list()).extracting(Violation::code).containsExactly("calendar.file.empty");
    var w = new Violations();
    ArrangementFile.parse(1900, "1900-01-01,HOLIDAY,元旦", w);
    assertThat(w.list()).extracting(Violation::field).containsExactly("year");
  }
}
