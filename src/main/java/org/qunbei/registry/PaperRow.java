package org.qunbei.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qunbei.filing.Composition;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.PaperFiling;
import org.qunbei.filing.Person;
import org.qunbei.filing.Purpose;
import org.qunbei.filing.Retention;
import org.qunbei.filing.TeamMember;
import org.qunbei.filing.TeamRole;

/**
 * One row of an import sheet, filled cell by cell by {@link PaperColumns}, then turned into a paper
 * filing. The team's four slots (群主, 管理员1, 管理员2, 其他负责人) become the filing's team in that order,
 * skipping empty ones; {@link #slotOf} tells which slot a team index came from, so that a rule
 * broken by {@code team[1]} is reported in the right columns.
 */
final class PaperRow {

  static final TeamRole[] SLOT_ROLES = {
    TeamRole.OWNER, TeamRole.ADMIN, TeamRole.ADMIN, TeamRole.OTHER
  };

  String number;
  LocalDate filledOn;
  String departmentCode;
  GroupType groupType;
  String groupTypeOther;
  String groupName;
  String groupNumber;
  LocalDate createdOn;
  Integer memberCount;
  Set<Composition> composition = EnumSet.noneOf(Composition.class);
  String compositionOther;
  String compositionDetails;
  Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
  String purposeOther;
  Lifetime lifetime;
  LocalDate dissolveBy;
  String lifetimeOther;
  Boolean classified;
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
  Boolean commitment;

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
    return new FilingContent(
        departmentCode,
        groupType,
        groupTypeOther,
        groupName,
        groupNumber,
        createdOn,
        memberCount,
        composition,
        compositionOther,
        compositionDetails,
        purposes,
        purposeOther,
        lifetime,
        dissolveBy,
        lifetimeOther,
        classified,
        team,
        externalSteward,
        new OperatingRules(
            publishingScope,
            admission,
            exit,
            new Retention(retain, period, archivist, archiveMethod, noRetentionReason),
            incidentResponse),
        commitment);
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
