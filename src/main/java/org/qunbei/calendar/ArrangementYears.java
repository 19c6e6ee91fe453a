package org.qunbei.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ArrangementYears extends Repository<ArrangementYear, Integer> {

  @Query("select y.year from ArrangementYear y")
  List<Integer> loadedYears();

  List<ArrangementYear> findAllByOrderByYearDesc();

  Optional<ArrangementYear> findById(Integer year);

  ArrangementYear save(ArrangementYear year);
}
