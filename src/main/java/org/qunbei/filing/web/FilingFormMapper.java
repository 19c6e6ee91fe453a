package org.qunbei.filing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qunbei.filing.Composition;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.Person;
import org.qunbei.filing.Purpose;
import org.qunbei.filing.Retention;
import org.qunbei.filing.TeamMember;
import org.qunbei.filing.TeamRole;
import org.qunbei.shared.Violation;
import org.qunbei.shared.Violations;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Between the page's text form and the domain's {@link FilingContent}. Text that does not parse
 * becomes a violation on its field; blank team rows are left out, and violations on the team are
 * moved back onto the page row they came from.
 */
final class FilingFormMapper {

  private static final Pattern TEAM_INDEX = Pattern.compile("^team\\[(\\d+)]");

  private FilingFormMapper() {}

  record Parsed(FilingContent content, Violations violations, List<Integer> rowOfMember) {

    /** A domain violation's field, with the team index turned into the page row. */
    String pageField(Violation v) {
      Matcher m = TEAM_INDEX.matcher(v.field());
      if (!m.find()) {
        return v.field();
      }
      int k = Integer.parseInt(m.group(1));
      int row = k < rowOfMember.size() ? rowOfMember.get(k) : k;
      return "team[" + row + "]" + v.field().substring(m.end());
    }
  }

  static Parsed parse(FilingForm f) {
    var v = new Violations();
    var team = new ArrayList<TeamMember>();
    var rows = new ArrayList<Integer>();
    for (int i = 0; i < f.team().size(); i++) {
      FilingForm.TeamRow r = f.team().get(i);
      if (!r.isBlank()) {
        team.add(
            new TeamMember(
                TeamRole.valueOf(r.role()),
                text(r.name()),
                text(r.title()),
                text(r.officePhone()),
                text(r.mobile()),
                text(r.duties())));
        rows.add(i);
      }
    }
    FilingForm.PersonRow s = f.externalSteward();
    Person steward =
        blank(s.name()) && blank(s.title()) && blank(s.officePhone()) && blank(s.mobile())
            ? null
            : new Person(text(s.name()), text(s.title()), text(s.officePhone()), text(s.mobile()));
    FilingForm.RetentionForm t = f.rules().retention();
    Retention retention =
        new Retention(
            blank(t.retain()) ? null : Boolean.valueOf(t.retain()),
            text(t.period()),
            text(t.archivist()),
            text(t.archiveMethod()),
            text(t.noRetentionReason()));
    FilingForm.RulesForm r = f.rules();
    var content =
        new FilingContent(
            text(f.departmentCode()),
            choice(v, "groupType", f.groupType(), GroupType.class),
            text(f.groupTypeOther()),
            text(f.groupName()),
            text(f.groupNumber()),
            date(v, "createdOn", f.createdOn()),
            integer(v, "memberCount", f.memberCount()),
            choices(v, "composition", f.composition(), Composition.class),
            text(f.compositionOther()),
            text(f.compositionDetails()),
            choices(v, "purposes", f.purposes(), Purpose.class),
            text(f.purposeOther()),
            choice(v, "lifetime", f.lifetime(), Lifetime.class),
            date(v, "dissolveBy", f.dissolveBy()),
            text(f.lifetimeOther()),
            "true".equals(f.classified()),
            team,
            steward,
            new OperatingRules(
                text(r.publishingScope()),
                text(r.admission()),
                text(r.exit()),
                retention,
                text(r.incidentResponse())),
            "true".equals(f.commitmentAccepted()));
    return new Parsed(content, v, rows);
  }

  static FilingForm toForm(FilingContent c, long version) {
    var rows = new ArrayList<FilingForm.TeamRow>();
    for (TeamRole role : FilingForm.ROWS) {
      rows.add(new FilingForm.TeamRow(role.name(), null, null, null, null, null));
    }
    for (TeamMember m : c.team()) {
      if (m == null || m.role() == null) {
        continue;
      }
      int slot = FilingForm.ROWS.indexOf(m.role());
      while (slot < rows.size() && !rows.get(slot).isBlank()) {
        slot++;
      }
      if (slot < rows.size() && FilingForm.ROWS.get(slot) == m.role()) {
        rows.set(
            slot,
            new FilingForm.TeamRow(
                m.role().name(), m.name(), m.title(), m.officePhone(), m.mobile(), m.duties()));
      }
    }
    Person s = c.externalSteward();
    OperatingRules r = c.rules();
    Retention t = r == null ? null : r.retention();
    return new FilingForm(
        c.departmentCode(),
        name(c.groupType()),
        c.groupTypeOther(),
        c.groupName(),
        c.groupNumber(),
        c.createdOn() == null ? null : c.createdOn().toString(),
        c.memberCount() == null ? null : c.memberCount().toString(),
        c.composition().stream().map(Enum::name).toList(),
        c.compositionOther(),
        c.compositionDetails(),
        c.purposes().stream().map(Enum::name).toList(),
        c.purposeOther(),
        name(c.lifetime()),
        c.dissolveBy() == null ? null : c.dissolveBy().toString(),
        c.lifetimeOther(),
        String.valueOf(c.classified()),
        rows,
        s == null
            ? null
            : new FilingForm.PersonRow(s.name(), s.title(), s.officePhone(), s.mobile()),
        r == null
            ? null
            : new FilingForm.RulesForm(
                r.publishingScope(),
                r.admission(),
                r.exit(),
                t == null
                    ? null
                    : new FilingForm.RetentionForm(
                        t.retain() == null ? null : t.retain().toString(),
                        t.period(),
                        t.archivist(),
                        t.archiveMethod(),
                        t.noRetentionReason()),
                r.incidentResponse()),
        String.valueOf(c.commitmentAccepted()),
        String.valueOf(version));
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(String s) {
    return blank(s) ? null : s.strip();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }

  private static <E extends Enum<E>> E choice(
      Violations v, String field, String raw, Class<E> type) {
    if (blank(raw)) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip());
    } catch (IllegalArgumentException e) {
      v.add(field, "filing.invalidValue", label(field));
      return null;
    }
  }

  private static <E extends Enum<E>> Set<E> choices(
      Violations v, String field, List<String> raw, Class<E> type) {
    Set<E> set = EnumSet.noneOf(type);
    for (String s : raw) {
      E e = choice(v, field, s, type);
      if (e != null) {
        set.add(e);
      }
    }
    return set;
  }

  private static LocalDate date(Violations v, String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      v.add(field, "filing.invalidDate", label(field));
      return null;
    }
  }

  private static Integer integer(Violations v, String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    try {
      return Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      v.add(field, "filing.invalidNumber", label(field));
      return null;
    }
  }

  private static DefaultMessageSourceResolvable label(String field) {
    return new DefaultMessageSourceResolvable(new String[] {"field." + field}, field);
  }
}
