package org.qunbei.documents;

import java.util.ArrayList;
import java.util.List;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.Person;
import org.qunbei.filing.TeamMember;
import org.qunbei.filing.TeamSlot;

/**
 * What the public verification page shows of sections 二 and 三, for a reader to hold against the
 * paper: a hand-edited team or rules section keeps its printed digest, so only a comparison of the
 * text catches it. Who holds which role, with titles and duties — never a phone number: the rows
 * are copied without them, so no page can show one by mistake.
 *
 * @param team the paper's four rows, then the steward of external members if there is one
 */
public record VerifiedContent(List<Row> team, OperatingRules rules) {

  /**
   * A row of section 二 without its phones.
   *
   * @param slot the paper row, null for the steward of external members
   */
  public record Row(TeamSlot slot, String name, String title, String duties) {}

  /** From the content as filed ({@link FilingContent#normalized}). */
  public static VerifiedContent of(FilingContent content) {
    List<Row> rows = new ArrayList<>();
    for (TeamSlot slot : TeamSlot.values()) {
      TeamMember m = slot.memberOf(content.team());
      rows.add(
          m == null
              ? new Row(slot, null, null, null)
              : new Row(slot, m.name(), m.title(), m.duties()));
    }
    Person steward = content.externalSteward();
    if (steward != null) {
      rows.add(new Row(null, steward.name(), steward.title(), null));
    }
    return new VerifiedContent(List.copyOf(rows), content.rules());
  }
}
