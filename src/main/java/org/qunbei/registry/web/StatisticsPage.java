package org.qunbei.registry.web;

import java.time.LocalDate;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.RegistryStatistics;
import org.qunbei.registry.Statistics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The statistics page: charts and the same figures as tables. */
@Controller
public class StatisticsPage {

  private final RegistryStatistics statistics;

  StatisticsPage(RegistryStatistics statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/statistics")
  String page(
      CurrentUser user,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("stats", figures(statistics, user, from, to));
    return "registry/statistics";
  }

  static Statistics figures(
      RegistryStatistics statistics, CurrentUser user, String from, String to) {
    LocalDate[] period = RegistryStatistics.period(from, to);
    return statistics.of(user, period[0], period[1]);
  }
}
