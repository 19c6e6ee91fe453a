package org.qunbei.filing;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

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
    return edit(
        e -> {
          e.departmentCode = department;
          e.team = people;
          e.externalSteward = steward;
        });
  }

  /** A copy with some fields changed: the one place that rebuilds content field by field. */
  public FilingContent edit(Consumer<Editor> change) {
    Editor e = new Editor(this);
    change.accept(e);
    return e.build();
  }

  /**
   * The content's fields, open to change before {@link #build} makes content of them again; used
   * where content is assembled piece by piece (the paper-era import, tests) and as the filing's
   * stored columns: the entity embeds an editor rather than repeating the twenty fields, so a new
   * field is added to the record and here, and nowhere else in the aggregate.
   */
  @Embeddable
  public static final class Editor {
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    public GroupType groupType;

    public String groupTypeOther;

    @Convert(converter = NamedOrEmpty.class)
    public String groupName;

    public String groupNumber;

    @Column(name = "group_created_on")
    public LocalDate createdOn;

    public Integer memberCount;

    @Convert(converter = EnumSetConverter.Compositions.class)
    public Set<Composition> composition;

    public String compositionOther;
    public String compositionDetails;

    @Convert(converter = EnumSetConverter.Purposes.class)
    public Set<Purpose> purposes;

    public String purposeOther;

    @Enumerated(EnumType.STRING)
    public Lifetime lifetime;

    public LocalDate dissolveBy;
    public String lifetimeOther;
    public Boolean classified;

    @ElementCollection
    @CollectionTable(name = "filing_team_member", joinColumns = @JoinColumn(name = "filing_id"))
    @OrderColumn(name = "position")
    public List<TeamMember> team;

    @Embedded
    @AttributeOverrides({
      @AttributeOverride(name = "name", column = @Column(name = "steward_name")),
      @AttributeOverride(name = "title", column = @Column(name = "steward_title")),
      @AttributeOverride(name = "officePhone", column = @Column(name = "steward_office_phone")),
      @AttributeOverride(name = "mobile", column = @Column(name = "steward_mobile"))
    })
    public Person externalSteward;

    @Embedded public OperatingRules rules;
    public Boolean commitmentAccepted;

    /** Nothing filled in. */
    public Editor() {}

    Editor(FilingContent c) {
      departmentCode = c.departmentCode;
      groupType = c.groupType;
      groupTypeOther = c.groupTypeOther;
      groupName = c.groupName;
      groupNumber = c.groupNumber;
      createdOn = c.createdOn;
      memberCount = c.memberCount;
      composition = c.composition;
      compositionOther = c.compositionOther;
      compositionDetails = c.compositionDetails;
      purposes = c.purposes;
      purposeOther = c.purposeOther;
      lifetime = c.lifetime;
      dissolveBy = c.dissolveBy;
      lifetimeOther = c.lifetimeOther;
      classified = c.classified;
      team = c.team;
      externalSteward = c.externalSteward;
      rules = c.rules;
      commitmentAccepted = c.commitmentAccepted;
    }

    public FilingContent build() {
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
          rules,
          commitmentAccepted);
    }
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
    return edit(
        e -> {
          e.groupTypeOther = groupType == GroupType.OTHER ? groupTypeOther : null;
          e.compositionOther = composition.contains(Composition.OTHER) ? compositionOther : null;
          e.purposeOther = purposes.contains(Purpose.OTHER) ? purposeOther : null;
          e.dissolveBy = lifetime == Lifetime.SHORT_TERM ? dissolveBy : null;
          e.lifetimeOther = lifetime == Lifetime.OTHER ? lifetimeOther : null;
          e.externalSteward = hasExternalMembers() ? externalSteward : null;
        });
  }

  public boolean hasExternalMembers() {
    return composition.stream().anyMatch(Composition::isExternal);
  }
}
