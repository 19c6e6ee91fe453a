package org.qunbei.filing;

import static org.qunbei.filing.FieldKind.CHOICE;
import static org.qunbei.filing.FieldKind.CHOICES;
import static org.qunbei.filing.FieldKind.DATE;
import static org.qunbei.filing.FieldKind.MOBILE;
import static org.qunbei.filing.FieldKind.NUMBER;
import static org.qunbei.filing.FieldKind.TEXT;
import static org.qunbei.filing.FieldKind.YES_NO;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The form's shape, named once: every field of sections 一 to 四 in the paper's order, with its path,
 * label, section and kind. Renderings that list fields (the registry export, error messages, the
 * version diff) walk this list instead of writing the fields out again; a test fails when {@link
 * FilingContent} gains a field that is not here.
 */
public final class FormFields {

  private static final Pattern TEAM_PATH = Pattern.compile("team\\[(\\d+)](\\..+)?");

  /** Every field, team fields once per paper row. */
  public static final List<FormField> ALL = build();

  private FormFields() {}

  private static List<FormField> build() {
    var all = new ArrayList<FormField>();
    basic(all);
    for (TeamSlot slot : TeamSlot.values()) {
      member(all, slot, "name", TEXT, TeamMember::name);
      member(all, slot, "title", TEXT, TeamMember::title);
      member(all, slot, "officePhone", TEXT, TeamMember::officePhone);
      member(all, slot, "mobile", MOBILE, TeamMember::mobile);
      member(all, slot, "duties", TEXT, TeamMember::duties);
    }
    steward(all, "name", TEXT, Person::name);
    steward(all, "title", TEXT, Person::title);
    steward(all, "officePhone", TEXT, Person::officePhone);
    steward(all, "mobile", MOBILE, Person::mobile);
    rule(all, "publishingScope", TEXT, OperatingRules::publishingScope);
    rule(all, "admission", TEXT, OperatingRules::admission);
    rule(all, "exit", TEXT, OperatingRules::exit);
    retention(all, "retain", YES_NO, Retention::retain);
    retention(all, "period", TEXT, Retention::period);
    retention(all, "archivist", TEXT, Retention::archivist);
    retention(all, "archiveMethod", TEXT, Retention::archiveMethod);
    retention(all, "noRetentionReason", TEXT, Retention::noRetentionReason);
    rule(all, "incidentResponse", TEXT, OperatingRules::incidentResponse);
    all.add(
        field("commitmentAccepted", FormSection.COMMITMENT, YES_NO, c -> c.commitmentAccepted()));
    return Collections.unmodifiableList(all);
  }

  private static void basic(List<FormField> all) {
    FormSection b = FormSection.BASIC;
    all.add(field("departmentCode", b, TEXT, FilingContent::departmentCode));
    all.add(field("groupType", b, CHOICE, FilingContent::groupType));
    all.add(field("groupTypeOther", b, TEXT, FilingContent::groupTypeOther));
    all.add(field("groupName", b, TEXT, FilingContent::groupName));
    all.add(field("groupNumber", b, TEXT, FilingContent::groupNumber));
    all.add(field("createdOn", b, DATE, FilingContent::createdOn));
    all.add(field("memberCount", b, NUMBER, FilingContent::memberCount));
    all.add(field("composition", b, CHOICES, FilingContent::composition));
    all.add(field("compositionOther", b, TEXT, FilingContent::compositionOther));
    all.add(field("compositionDetails", b, TEXT, FilingContent::compositionDetails));
    all.add(field("purposes", b, CHOICES, FilingContent::purposes));
    all.add(field("purposeOther", b, TEXT, FilingContent::purposeOther));
    all.add(field("lifetime", b, CHOICE, FilingContent::lifetime));
    all.add(field("dissolveBy", b, DATE, FilingContent::dissolveBy));
    all.add(field("lifetimeOther", b, TEXT, FilingContent::lifetimeOther));
    all.add(field("classified", b, YES_NO, FilingContent::classified));
  }

  private static FormField field(
      String key, FormSection section, FieldKind kind, Function<FilingContent, Object> reader) {
    return new FormField(key, section, kind, null, reader);
  }

  private static void member(
      List<FormField> all,
      TeamSlot slot,
      String name,
      FieldKind kind,
      Function<TeamMember, Object> part) {
    all.add(
        new FormField(
            "team." + name,
            FormSection.TEAM,
            kind,
            slot,
            c -> {
              TeamMember m = slot.memberOf(c.team());
              return m == null ? null : part.apply(m);
            }));
  }

  private static void steward(
      List<FormField> all, String name, FieldKind kind, Function<Person, Object> part) {
    all.add(
        field(
            "externalSteward." + name,
            FormSection.TEAM,
            kind,
            c -> c.externalSteward() == null ? null : part.apply(c.externalSteward())));
  }

  private static void rule(
      List<FormField> all, String name, FieldKind kind, Function<OperatingRules, Object> part) {
    all.add(
        field(
            "rules." + name,
            FormSection.RULES,
            kind,
            c -> c.rules() == null ? null : part.apply(c.rules())));
  }

  private static void retention(
      List<FormField> all, String name, FieldKind kind, Function<Retention, Object> part) {
    all.add(
        field(
            "rules.retention." + name,
            FormSection.RULES,
            kind,
            c ->
                c.rules() == null || c.rules().retention() == null
                    ? null
                    : part.apply(c.rules().retention())));
  }

  /**
   * The label of a field named by its API path, in the reader's language: {@code team[2].title} of
   * a team whose third member is the second admin reads "群管理员（2）的职务"; a row whose role is not
   * chosen yet reads "群管理团队第3行的职务".
   */
  public static MessageSourceResolvable label(FilingContent content, String path) {
    Matcher m = TEAM_PATH.matcher(path);
    if (!m.matches()) {
      return FormField.resolvable("field." + path);
    }
    int index = Integer.parseInt(m.group(1));
    String part = m.group(2);
    DefaultMessageSourceResolvable field =
        FormField.resolvable(part == null ? "field.team" : "field.team" + part);
    TeamSlot slot = content == null ? null : TeamSlot.at(content.team(), index);
    if (slot != null) {
      return ofRow(slot, field);
    }
    return new DefaultMessageSourceResolvable(
        new String[] {"field.ofTeamRow"}, new Object[] {index + 1, field}, "field.ofTeamRow");
  }

  static MessageSourceResolvable ofRow(TeamSlot slot, MessageSourceResolvable field) {
    return new DefaultMessageSourceResolvable(
        new String[] {"field.ofRow"},
        new Object[] {FormField.resolvable("TeamSlot." + slot.name()), field},
        "field.ofRow");
  }
}
