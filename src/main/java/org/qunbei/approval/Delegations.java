package org.qunbei.approval;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.qunbei.shared.NoAutoFlush;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Delegations extends Repository<Delegation, Long> {

  Delegation save(Delegation d);

  Optional<Delegation> findById(Long id);

  List<Delegation> findByDelegatorOrderByStartsOnDescIdDesc(String delegator);

  /** Delegations not ended that meet the period, of these people as delegators. */
  @NoAutoFlush
  @Query(
      "select d from Delegation d where d.endedAt is null and d.delegator in :people"
          + " and d.startsOn <= :to and d.endsOn >= :from order by d.id")
  List<Delegation> awayBetween(Collection<String> people, LocalDate from, LocalDate to);

  /** Delegations in force on this day, oldest first. */
  @NoAutoFlush
  @Query(
      "select d from Delegation d where d.endedAt is null"
          + " and d.startsOn <= :day and d.endsOn >= :day order by d.id")
  List<Delegation> awayOn(LocalDate day);

  /** Delegations not ended that meet the period, naming this person as delegate. */
  @NoAutoFlush
  @Query(
      "select d from Delegation d where d.endedAt is null and d.delegate = :person"
          + " and d.startsOn <= :to and d.endsOn >= :from order by d.id")
  List<Delegation> coveringBetween(String person, LocalDate from, LocalDate to);

  /** Delegations whose last day is before this one and that are not yet recorded as ended. */
  @Query("select d from Delegation d where d.endedAt is null and d.endsOn < :day order by d.id")
  List<Delegation> pastTheirEnd(LocalDate day);
}
