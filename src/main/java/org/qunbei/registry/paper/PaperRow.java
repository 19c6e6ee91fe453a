package org.qunbei.registry.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.PaperFiling;
import org.qunbei.filing.Person;
import org.qunbei.filing.Retention;
import org.qunbei.filing.TeamMember;
import org.qunbei.filing.TeamRole;

/**
 * One row of an import sheet, filled cell by cell by {@link PaperColumns}, then turned into a paper
 * filing. The team's four slots (群主, 管理员1, 管理员2, 其他负责人) become the filing's team in that order,
 * skipping empty ones; {@link #slotOf} tells which slot a team index came from, so that a rule
 * broken by {@code team[1]} is reported in the right columns.
 */
public final class PaperRow {

  static final TeamRole[] SLOT_ROLES = {
    TeamRole.OWNER, TeamRole.ADMIN, TeamRole.ADMIN, TeamRole.OTHER
  };

  String number;
  LocalDate filledOn;

  /** Sections 一 and 四 as the cells give them; the team and rules are assembled below. */
  final FilingContent.Editor content = new FilingContent.Editor();

  final String[][] slots = new String[4][5]; // name, title, office phone, mobile, duties
  final String[] steward = new String[4]; // name, title, office phone, mobile
  String publishingScope;
  String admission;
  String exit;
  Boolean retain;
  String period;
  String archivist;
  String archiveMethod;
  String noRetentionReason;
  String incidentResponse;

  private final List<Integer> teamSlots = new ArrayList<>();

  PaperFiling toPaper() {
    return new PaperFiling(number, filledOn, content());
  }

  /** The slot (0–3) the filing's team member at {@code index} came from. */
  int slotOf(int index) {
    return index < teamSlots.size() ? teamSlots.get(index) : 0;
  }

  private FilingContent content() {
    teamSlots.clear();
    List<TeamMember> team = new ArrayList<>();
    for (int s = 0; s < slots.length; s++) {
      String[] m = slots[s];
      if (anyPresent(m)) {
        team.add(new TeamMember(SLOT_ROLES[s], m[0], m[1], m[2], m[3], m[4]));
        teamSlots.add(s);
      }
    }
    Person externalSteward =
        anyPresent(steward) ? new Person(steward[0], steward[1], steward[2], steward[3]) : null;
    content.team = team;
    content.externalSteward = externalSteward;
    content.rules =
        new OperatingRules(
            publishingScope,
            admission,
            exit,
            new Retention(retain, period, archivist, archiveMethod, noRetentionReason),
            incidentResponse);
    return content.build();
  }

  private static boolean anyPresent(String[] values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return true;
      }
    }
    return false;
  }
}
