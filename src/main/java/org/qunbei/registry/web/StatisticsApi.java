package org.qunbei.registry.web;

import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.RegistryStatistics;
import org.qunbei.registry.Statistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/statistics?from=&to=}: the statistics page's figures, for reports upward. */
@RestController
public class StatisticsApi {

  private final RegistryStatistics statistics;

  StatisticsApi(RegistryStatistics statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/api/statistics")
  Statistics figures(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return StatisticsPage.figures(statistics, user, from, to);
  }
}
