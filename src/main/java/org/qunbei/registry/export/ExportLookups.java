package org.qunbei.registry.export;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qunbei.filing.FilingTeams;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.TeamMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams and decisions of a batch of exported filings. It runs on a connection of its own
 * (REQUIRES_NEW) because the export's connection is busy streaming: MariaDB's driver would read the
 * rest of that stream into memory before answering another query on it.
 */
@Component
public class ExportLookups {

  record Batch(Map<Long, List<TeamMember>> teams, Map<Long, List<ReviewRecord>> decisions) {}

  private final FilingTeams teams;
  private final ReviewRouting routing;

  ExportLookups(FilingTeams teams, ReviewRouting routing) {
    this.teams = teams;
    this.routing = routing;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
  public Batch of(Collection<Long> filingIds) {
    return new Batch(teams.of(filingIds), routing.recordsOf(filingIds));
  }
}
