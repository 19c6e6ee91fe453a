package org.qunbei.lifecycle.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.lifecycle.Urging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/filings/{id}/urge} of API.md, and the open alerts as JSON. */
@RestController
class LifecycleApi {

  private final Urging urging;
  private final LifecycleWeb pages;

  LifecycleApi(Urging urging, LifecycleWeb pages) {
    this.urging = urging;
    this.pages = pages;
  }

  @PostMapping("/api/filings/{id}/urge")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void urge(CurrentUser user, @PathVariable long id) {
    urging.urge(user, id);
  }

  @GetMapping("/api/lifecycle/alerts")
  List<LifecycleWeb.AlertView> alerts(CurrentUser user) {
    return pages.views(user);
  }
}
