package org.qunbei.lifecycle;

import org.qunbei.accounts.StaffDeparted;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.Filings;
import org.qunbei.filing.Person;
import org.qunbei.filing.TeamMember;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person leaves, every filed group whose team names them (owner, admin, other responsible
 * person, or external steward) is an alert for its department: the group needs a change filing. A
 * person is recognised by mobile number when the directory has one, else by name within their
 * department.
 */
@Component
class Departures {

  private final Filings filings;
  private final DeadlineSweeps sweeps;

  Departures(Filings filings, DeadlineSweeps sweeps) {
    this.filings = filings;
    this.sweeps = sweeps;
  }

  @EventListener
  void on(StaffDeparted left) {
    boolean byMobile = left.mobile() != null && !left.mobile().isBlank();
    for (Filing f : filings.findFiledOf(byMobile ? null : left.departmentCode())) {
      if (names(f.content(), left, byMobile)) {
        sweeps.departed(AlertKind.MEMBER_DEPARTED, f, left.name());
      }
    }
  }

  private static boolean names(FilingContent c, StaffDeparted left, boolean byMobile) {
    for (TeamMember m : c.team()) {
      if (m != null && same(m.name(), m.mobile(), left, byMobile)) {
        return true;
      }
    }
    Person s = c.externalSteward();
    return s != null && same(s.name(), s.mobile(), left, byMobile);
  }

  private static boolean same(String name, String mobile, StaffDeparted left, boolean byMobile) {
    return byMobile
        ? left.mobile().strip().equals(mobile == null ? null : mobile.strip())
        : left.name().strip().equals(name == null ? null : name.strip());
  }
}
