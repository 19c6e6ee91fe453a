package org.qunbei.filing;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The teams of many filings in one query, for readers that stream filings without their team. */
@Component
public class FilingTeams {

  private final EntityManager em;

  FilingTeams(EntityManager em) {
    this.em = em;
  }

  /** Each filing's team in list order; a filing without members is absent. */
  public Map<Long, List<TeamMember>> of(Collection<Long> filingIds) {
    Map<Long, List<TeamMember>> teams = new HashMap<>();
    if (filingIds.isEmpty()) {
      return teams;
    }
    List<Object[]> rows =
        em.createQuery(
                "select f.id, t from Filing f join f.team t where f.id in :ids"
                    + " order by f.id, index(t)",
                Object[].class)
            .setParameter("ids", filingIds)
            .getResultList();
    for (Object[] row : rows) {
      teams.computeIfAbsent((Long) row[0], id -> new ArrayList<>(4)).add((TeamMember) row[1]);
    }
    return teams;
  }
}
