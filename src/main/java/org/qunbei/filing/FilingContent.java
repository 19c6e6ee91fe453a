package org.qunbei.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the applicant writes on sections 一 to 四: the body of the API's filing and of the
 * page's form once parsed. The server-owned parts (id, number, status, dates) are not here, so they
 * cannot be set through it.
 */
public record FilingContent(
    String departmentCode,
    GroupType groupType,
    String groupTypeOther,
    String groupName,
    String groupNumber,
    LocalDate createdOn,
    Integer memberCount,
    Set<Composition> composition,
    String compositionOther,
    String compositionDetails,
    Set<Purpose> purposes,
    String purposeOther,
    Lifetime lifetime,
    LocalDate dissolveBy,
    String lifetimeOther,
    Boolean classified,
    List<TeamMember> team,
    Person externalSteward,
    OperatingRules rules,
    Boolean commitmentAccepted) {

  public FilingContent {
    // Nulls inside a JSON array are dropped from the choice sets (they choose nothing) but kept in
    // the team, where FilingRules names the empty row.
    classified = Boolean.TRUE.equals(classified);
    commitmentAccepted = Boolean.TRUE.equals(commitmentAccepted);
    composition = withoutNulls(composition);
    purposes = withoutNulls(purposes);
    team = team == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(team));
  }

  /** The same content filed under another department (the server decides the department). */
  public FilingContent withDepartment(String code) {
    return with(code, team, externalSteward);
  }

  /**
   * The content as shown to someone who may not see the team's mobile numbers: each mobile masked
   * ({@link Phones#mask}); office phones, which are published anyway, stay.
   */
  public FilingContent withMobilesMasked() {
    List<TeamMember> masked =
        team.stream()
            .map(
                m ->
                    m == null
                        ? null
                        : new TeamMember(
                            m.role(),
                            m.name(),
                            m.title(),
                            m.officePhone(),
                            Phones.mask(m.mobile()),
                            m.duties()))
            .toList();
    Person steward =
        externalSteward == null
            ? null
            : new Person(
                externalSteward.name(),
                externalSteward.title(),
                externalSteward.officePhone(),
                Phones.mask(externalSteward.mobile()));
    return with(departmentCode, masked, steward);
  }

  private FilingContent with(String department, List<TeamMember> people, Person steward) {
    return new FilingContent(
        department,
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
        people,
        steward,
        rules,
        commitmentAccepted);
  }

  private static <E extends Enum<E>> Set<E> withoutNulls(Set<E> choices) {
    if (choices == null) {
      return Set.of();
    }
    Set<E> kept = new TreeSet<>();
    choices.stream().filter(Objects::nonNull).forEach(kept::add);
    return Collections.unmodifiableSet(kept);
  }

  /**
   * The content as filed: fields that the choices made irrelevant (the "other" text of an unchosen
   * "other", a dissolve-by date of a long-term group) are cleared, so that the registry and the
   * printout never show what does not apply.
   */
  public FilingContent normalized() {
    return new FilingContent(
        departmentCode,
        groupType,
        groupType == GroupType.OTHER ? groupTypeOther : null,
        groupName,
        groupNumber,
        createdOn,
        memberCount,
        composition,
        composition.contains(Composition.OTHER) ? compositionOther : null,
        compositionDetails,
        purposes,
        purposes.contains(Purpose.OTHER) ? purposeOther : null,
        lifetime,
        lifetime == Lifetime.SHORT_TERM ? dissolveBy : null,
        lifetime == Lifetime.OTHER ? lifetimeOther : null,
        classified,
        team,
        hasExternalMembers() ? externalSteward : null,
        rules,
        commitmentAccepted);
  }

  public boolean hasExternalMembers() {
    return composition.stream().anyMatch(Composition::isExternal);
  }
}
