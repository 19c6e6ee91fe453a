package org.qunbei.filing.web;

import java.util.ArrayList;
import java.util.List;
import org.qunbei.filing.TeamRole;

/**
 * The new/edit page's form exactly as typed: every value is kept as text, so a form that fails its
 * checks comes back with everything the user typed, even a date or number that did not parse. The
 * team has the paper form's four fixed rows.
 */
public record FilingForm(
    String departmentCode,
    String groupType,
    String groupTypeOther,
    String groupName,
    String groupNumber,
    String createdOn,
    String memberCount,
    List<String> composition,
    String compositionOther,
    String compositionDetails,
    List<String> purposes,
    String purposeOther,
    String lifetime,
    String dissolveBy,
    String lifetimeOther,
    String classified,
    List<TeamRow> team,
    PersonRow externalSteward,
    RulesForm rules,
    String commitmentAccepted,
    String version) {

  /** The roles of the four rows, top to bottom, as on paper. */
  static final List<TeamRole> ROWS =
      List.of(TeamRole.OWNER, TeamRole.ADMIN, TeamRole.ADMIN, TeamRole.OTHER);

  public FilingForm {
    composition = composition == null ? List.of() : composition;
    purposes = purposes == null ? List.of() : purposes;
    team = fourRows(team);
    externalSteward =
        externalSteward == null ? new PersonRow(null, null, null, null) : externalSteward;
    rules = rules == null ? new RulesForm(null, null, null, null, null) : rules;
  }

  private static List<TeamRow> fourRows(List<TeamRow> given) {
    var rows = new ArrayList<TeamRow>();
    for (int i = 0; i < ROWS.size(); i++) {
      TeamRow row = given != null && i < given.size() ? given.get(i) : null;
      String role = ROWS.get(i).name();
      rows.add(row == null ? new TeamRow(role, null, null, null, null, null) : row.withRole(role));
    }
    return rows;
  }

  static FilingForm empty(String departmentCode) {
    return new FilingForm(
        departmentCode,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public boolean chose(List<String> choices, String value) {
    return choices.contains(value);
  }

  public record TeamRow(
      String role, String name, String title, String officePhone, String mobile, String duties) {

    TeamRow withRole(String fixed) {
      return new TeamRow(fixed, name, title, officePhone, mobile, duties);
    }

    boolean isBlank() {
      return FilingFormMapper.blank(name)
          && FilingFormMapper.blank(title)
          && FilingFormMapper.blank(officePhone)
          && FilingFormMapper.blank(mobile)
          && FilingFormMapper.blank(duties);
    }
  }

  public record PersonRow(String name, String title, String officePhone, String mobile) {}

  public record RulesForm(
      String publishingScope,
      String admission,
      String exit,
      RetentionForm retention,
      String incidentResponse) {
    public RulesForm {
      retention = retention == null ? new RetentionForm(null, null, null, null, null) : retention;
    }
  }

  public record RetentionForm(
      String retain,
      String period,
      String archivist,
      String archiveMethod,
      String noRetentionReason) {}
}
