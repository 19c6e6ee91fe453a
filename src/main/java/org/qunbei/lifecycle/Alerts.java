package org.qunbei.lifecycle;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open alerts: all of them for the registry's keepers, a department's for its people. */
@Service
@Transactional(readOnly = true)
public class Alerts {

  private final LifecycleAlerts alerts;

  Alerts(LifecycleAlerts alerts) {
    this.alerts = alerts;
  }

  public List<Alert> open(CurrentUser user) {
    return alerts.open(user);
  }
}
