package org.qunbei.registry;

import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qunbei.filing.Composition;
import org.qunbei.filing.FilingOrigin;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.Purpose;
import org.qunbei.filing.TeamRole;

/** One filing as the exported registry shows it, read from the stream of query rows. */
record FilingLine(
    Long id,
    String number,
    FilingStatus status,
    String currentStep,
    String departmentCode,
    GroupType groupType,
    String groupTypeOther,
    String groupName,
    String groupNumber,
    LocalDate createdOn,
    Integer memberCount,
    Set<Composition> composition,
    String compositionOther,
    Set<Purpose> purposes,
    String purposeOther,
    Lifetime lifetime,
    String lifetimeOther,
    LocalDate dissolveBy,
    boolean classified,
    FilingOrigin origin,
    LocalDate filledOn,
    Instant submittedAt,
    Instant updatedAt,
    List<Member> team) {

  /** The attributes selected, in the order {@link #of} reads them. */
  static final List<String> ATTRIBUTES =
      List.of(
          "id",
          "number",
          "status",
          "currentStep",
          "departmentCode",
          "groupType",
          "groupTypeOther",
          "groupName",
          "groupNumber",
          "createdOn",
          "memberCount",
          "composition",
          "compositionOther",
          "purposes",
          "purposeOther",
          "lifetime",
          "lifetimeOther",
          "dissolveBy",
          "classified",
          "origin",
          "filledOn",
          "submittedAt",
          "updatedAt");

  record Member(TeamRole role, String name, String title, String mobile) {}

  @SuppressWarnings("unchecked")
  static FilingLine of(Tuple t) {
    int i = 0;
    return new FilingLine(
        t.get(i++, Long.class),
        t.get(i++, String.class),
        t.get(i++, FilingStatus.class),
        t.get(i++, String.class),
        t.get(i++, String.class),
        t.get(i++, GroupType.class),
        t.get(i++, String.class),
        t.get(i++, String.class),
        t.get(i++, String.class),
        t.get(i++, LocalDate.class),
        t.get(i++, Integer.class),
        (Set<Composition>) t.get(i++),
        t.get(i++, String.class),
        (Set<Purpose>) t.get(i++),
        t.get(i++, String.class),
        t.get(i++, Lifetime.class),
        t.get(i++, String.class),
        t.get(i++, LocalDate.class),
        t.get(i++, Boolean.class),
        t.get(i++, FilingOrigin.class),
        t.get(i++, LocalDate.class),
        t.get(i++, Instant.class),
        t.get(i++, Instant.class),
        new ArrayList<>(4));
  }

  /** Adds the team member carried by a query row (a filing has one row per member). */
  void addMember(Tuple t) {
    int i = ATTRIBUTES.size();
    TeamRole role = t.get(i, TeamRole.class);
    String name = t.get(i + 1, String.class);
    if (role != null || name != null) {
      team.add(new Member(role, name, t.get(i + 2, String.class), t.get(i + 3, String.class)));
    }
  }

  List<Member> members(TeamRole role) {
    return team.stream().filter(m -> m.role() == role).toList();
  }
}
