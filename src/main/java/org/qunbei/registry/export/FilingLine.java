package org.qunbei.registry.export;

import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.qunbei.filing.Composition;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingOrigin;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.Person;
import org.qunbei.filing.Purpose;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.TeamMember;

/**
 * One filing as the exported registry shows it: where it stands, the whole content of sections 一 to
 * 四 and the decisions of section 五.
 */
public record FilingLine(
    Long id,
    String number,
    FilingStatus status,
    String currentStep,
    int round,
    FilingOrigin origin,
    LocalDate filledOn,
    Instant submittedAt,
    Instant updatedAt,
    FilingContent content,
    List<ReviewRecord> decisions) {

  /** The attributes selected, in the order {@link #of} reads them; the team comes apart. */
  static final List<String> ATTRIBUTES =
      List.of(
          "id",
          "number",
          "status",
          "currentStep",
          "round",
          "origin",
          "filledOn",
          "submittedAt",
          "updatedAt",
          "departmentCode",
          "groupType",
          "groupTypeOther",
          "groupName",
          "groupNumber",
          "createdOn",
          "memberCount",
          "composition",
          "compositionOther",
          "compositionDetails",
          "purposes",
          "purposeOther",
          "lifetime",
          "dissolveBy",
          "lifetimeOther",
          "classified",
          "externalSteward",
          "rules",
          "commitmentAccepted");

  /** The line of a query row, with the team and decisions read apart. */
  @SuppressWarnings("unchecked")
  static FilingLine of(Tuple t, List<TeamMember> team, List<ReviewRecord> decisions) {
    int i = 9;
    var content =
        new FilingContent(
            t.get(i++, String.class),
            t.get(i++, GroupType.class),
            t.get(i++, String.class),
            t.get(i++, String.class),
            t.get(i++, String.class),
            t.get(i++, LocalDate.class),
            t.get(i++, Integer.class),
            (Set<Composition>) t.get(i++),
            t.get(i++, String.class),
            t.get(i++, String.class),
            (Set<Purpose>) t.get(i++),
            t.get(i++, String.class),
            t.get(i++, Lifetime.class),
            t.get(i++, LocalDate.class),
            t.get(i++, String.class),
            t.get(i++, Boolean.class),
            team,
            t.get(i++, Person.class),
            t.get(i++, OperatingRules.class),
            t.get(i, Boolean.class));
    return new FilingLine(
        t.get(0, Long.class),
        t.get(1, String.class),
        t.get(2, FilingStatus.class),
        t.get(3, String.class),
        t.get(4, Integer.class),
        t.get(5, FilingOrigin.class),
        t.get(6, LocalDate.class),
        t.get(7, Instant.class),
        t.get(8, Instant.class),
        content,
        decisions);
  }
}
