package org.qunbei.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.qunbei.shared.Violations;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Every rule of sections 一 to 四, in one place, for pages, API and import alike.
 *
 * <p>Two levels: {@link #checkDraft} holds what is wrong whatever else is filled in (formats,
 * lengths, impossible dates and counts), so a draft is never saved broken; {@link #checkSubmission}
 * adds completeness and the rules that tie fields together. Each violation names its field as the
 * API's JSON does ({@code team[0].mobile}).
 */
@Component
public class FilingRules {

  static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  static final Pattern OFFICE_PHONE =
      Pattern.compile("0\\d{2,3}-?\\d{7,8}(?:(?:-|转|ext\\.?)\\d{1,6})?");
  static final Pattern GROUP_NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,30}");

  /** Longest text a field takes, in characters. */
  static final int NAME = 30;

  static final int SHORT = 50;
  static final int MEDIUM = 200;
  static final int LONG = 500;
  static final int RULE_TEXT = 2000;
  static final int GROUP_NAME = 100;

  private final Clock clock;

  public FilingRules(Clock clock) {
    this.clock = clock;
  }

  public Violations checkDraft(FilingContent c) {
    var v = new Violations();
    length(v, c, "departmentCode", c.departmentCode(), SHORT);
    length(v, c, "groupTypeOther", c.groupTypeOther(), NAME);
    length(v, c, "groupName", c.groupName(), GROUP_NAME);
    if (present(c.groupNumber()) && !GROUP_NUMBER.matcher(c.groupNumber().strip()).matches()) {
      v.add("groupNumber", "filing.groupNumber.invalid");
    }
    LocalDate today = LocalDate.now(clock);
    if (c.createdOn() != null && c.createdOn().isAfter(today)) {
      v.add("createdOn", "filing.createdOn.future");
    }
    if (c.memberCount() != null) {
      if (c.memberCount() < 1) {
        v.add("memberCount", "filing.memberCount.min");
      } else if (c.groupType() != null && c.memberCount() > c.groupType().maxMembers()) {
        v.add(
            "memberCount",
            "filing.memberCount.max",
            label("GroupType." + c.groupType()),
            c.groupType().maxMembers());
      }
    }
    length(v, c, "compositionOther", c.compositionOther(), SHORT);
    length(v, c, "compositionDetails", c.compositionDetails(), LONG);
    length(v, c, "purposeOther", c.purposeOther(), SHORT);
    length(v, c, "lifetimeOther", c.lifetimeOther(), MEDIUM);
    if (c.dissolveBy() != null && c.createdOn() != null && !c.dissolveBy().isAfter(c.createdOn())) {
      v.add("dissolveBy", "filing.dissolveBy.beforeCreated");
    }
    teamFormats(v, c);
    if (c.externalSteward() != null) {
      personFormats(v, c, "externalSteward", c.externalSteward());
    }
    if (c.rules() != null) {
      ruleLengths(v, c, c.rules());
    }
    return v;
  }

  public Violations checkSubmission(FilingContent c) {
    Violations v = checkDraft(c);
    required(v, c, "departmentCode", c.departmentCode());
    if (c.groupType() == null) {
      v.add("groupType", "filing.groupType.required");
    } else if (c.groupType() == GroupType.OTHER) {
      required(v, c, "groupTypeOther", c.groupTypeOther());
    }
    required(v, c, "groupName", c.groupName());
    if (c.groupType() != null && c.groupType().isNumbered() && !present(c.groupNumber())) {
      v.add("groupNumber", "filing.groupNumber.required", label("GroupType." + c.groupType()));
    }
    if (c.createdOn() == null) {
      v.add("createdOn", "filing.createdOn.required");
    }
    if (c.memberCount() == null) {
      v.add("memberCount", "filing.memberCount.required");
    }
    if (c.composition().isEmpty()) {
      v.add("composition", "filing.composition.required");
    } else if (c.composition().contains(Composition.OTHER)) {
      required(v, c, "compositionOther", c.compositionOther());
    }
    if (c.purposes().isEmpty()) {
      v.add("purposes", "filing.purposes.required");
    } else if (c.purposes().contains(Purpose.OTHER)) {
      required(v, c, "purposeOther", c.purposeOther());
    }
    lifetime(v, c);
    team(v, c);
    steward(v, c);
    operatingRules(v, c, c.rules());
    if (!c.commitmentAccepted()) { // never null: FilingContent makes it false
      v.add("commitmentAccepted", "filing.commitment.required");
    }
    return v;
  }

  private void lifetime(Violations v, FilingContent c) {
    if (c.lifetime() == null) {
      v.add("lifetime", "filing.lifetime.required");
    } else if (c.lifetime() == Lifetime.SHORT_TERM) {
      if (c.dissolveBy() == null) {
        v.add("dissolveBy", "filing.dissolveBy.required");
      } else if (c.dissolveBy().isBefore(LocalDate.now(clock)) && !v.has("dissolveBy")) {
        v.add("dissolveBy", "filing.dissolveBy.past");
      }
    } else if (c.lifetime() == Lifetime.OTHER) {
      required(v, c, "lifetimeOther", c.lifetimeOther());
    }
  }

  private void teamFormats(Violations v, FilingContent c) {
    List<TeamMember> team = c.team();
    Map<TeamRole, Integer> counts = new EnumMap<>(TeamRole.class);
    for (int i = 0; i < team.size(); i++) {
      TeamMember m = team.get(i);
      String at = "team[" + i + "]";
      if (m == null) {
        v.add(at, "filing.team.emptyRow", i + 1);
        continue;
      }
      if (m.role() == null) {
        v.add(at + ".role", "filing.team.role.required", i + 1);
      } else if (counts.merge(m.role(), 1, Integer::sum) > m.role().maxCount()) {
        v.add(
            at + ".role",
            "filing.team.role.tooMany",
            label("TeamRole." + m.role()),
            m.role().maxCount());
      }
      personFormats(v, c, at, new Person(m.name(), m.title(), m.officePhone(), m.mobile()));
      length(v, c, at + ".duties", m.duties(), MEDIUM);
    }
  }

  private void team(Violations v, FilingContent c) {
    List<TeamMember> team = c.team();
    long owners = team.stream().filter(m -> m != null && m.role() == TeamRole.OWNER).count();
    if (owners == 0) {
      v.add("team", "filing.team.owner.required");
    }
    for (int i = 0; i < team.size(); i++) {
      TeamMember m = team.get(i);
      if (m == null) {
        continue;
      }
      String at = "team[" + i + "]";
      personRequired(v, c, at, new Person(m.name(), m.title(), m.officePhone(), m.mobile()));
      if (m.role() == TeamRole.ADMIN) {
        required(v, c, at + ".duties", m.duties());
      }
    }
  }

  private void steward(Violations v, FilingContent c) {
    if (!c.hasExternalMembers()) {
      return;
    }
    if (c.externalSteward() == null) {
      v.add("externalSteward", "filing.externalSteward.required");
    } else {
      personRequired(v, c, "externalSteward", c.externalSteward());
    }
  }

  private void personFormats(Violations v, FilingContent c, String at, Person p) {
    length(v, c, at + ".name", p.name(), NAME);
    length(v, c, at + ".title", p.title(), SHORT);
    if (present(p.mobile()) && !MOBILE.matcher(p.mobile().strip()).matches()) {
      v.add(at + ".mobile", "filing.mobile.invalid", FormFields.label(c, at + ".mobile"));
    }
    if (present(p.officePhone()) && !OFFICE_PHONE.matcher(p.officePhone().strip()).matches()) {
      v.add(
          at + ".officePhone",
          "filing.officePhone.invalid",
          FormFields.label(c, at + ".officePhone"));
    }
  }

  private void personRequired(Violations v, FilingContent c, String at, Person p) {
    required(v, c, at + ".name", p.name());
    required(v, c, at + ".title", p.title());
    if (!v.has(at + ".mobile")) {
      required(v, c, at + ".mobile", p.mobile());
    }
  }

  private void ruleLengths(Violations v, FilingContent c, OperatingRules r) {
    length(v, c, "rules.publishingScope", r.publishingScope(), RULE_TEXT);
    length(v, c, "rules.admission", r.admission(), RULE_TEXT);
    length(v, c, "rules.exit", r.exit(), RULE_TEXT);
    length(v, c, "rules.incidentResponse", r.incidentResponse(), RULE_TEXT);
    Retention t = r.retention();
    if (t != null) {
      length(v, c, "rules.retention.period", t.period(), SHORT);
      length(v, c, "rules.retention.archivist", t.archivist(), NAME);
      length(v, c, "rules.retention.archiveMethod", t.archiveMethod(), MEDIUM);
      length(v, c, "rules.retention.noRetentionReason", t.noRetentionReason(), LONG);
    }
  }

  private void operatingRules(Violations v, FilingContent c, OperatingRules r) {
    OperatingRules rules = r == null ? new OperatingRules(null, null, null, null, null) : r;
    required(v, c, "rules.publishingScope", rules.publishingScope());
    required(v, c, "rules.admission", rules.admission());
    required(v, c, "rules.exit", rules.exit());
    required(v, c, "rules.incidentResponse", rules.incidentResponse());
    retention(v, c, rules.retention());
  }

  private void retention(Violations v, FilingContent c, Retention t) {
    if (t == null || t.retain() == null) {
      v.add("rules.retention.retain", "filing.retention.choose");
      return;
    }
    boolean period = present(t.period());
    boolean archivist = present(t.archivist());
    boolean method = present(t.archiveMethod());
    boolean reason = present(t.noRetentionReason());
    if (t.retain()) {
      if (!period && !archivist && !method) {
        v.add("rules.retention.period", "filing.retention.retainNeedsDetail");
      }
      if (archivist && !method) {
        v.add("rules.retention.archiveMethod", "filing.retention.methodRequired");
      }
      if (method && !archivist) {
        v.add("rules.retention.archivist", "filing.retention.archivistRequired");
      }
      if (reason) {
        v.add("rules.retention.noRetentionReason", "filing.retention.both");
      }
    } else {
      if (!reason) {
        v.add("rules.retention.noRetentionReason", "filing.retention.reasonRequired");
      }
      if (period || archivist || method) {
        v.add("rules.retention.retain", "filing.retention.both");
      }
    }
  }

  private static void required(Violations v, FilingContent c, String field, String value) {
    if (!present(value) && !v.has(field)) {
      v.add(field, "filing.required", FormFields.label(c, field));
    }
  }

  private static void length(Violations v, FilingContent c, String field, String value, int max) {
    if (value != null && value.strip().length() > max) {
      v.add(field, "filing.tooLong", FormFields.label(c, field), max, value.strip().length());
    }
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** A label that the edge resolves in the user's language. */
  private static DefaultMessageSourceResolvable label(String code) {
    return new DefaultMessageSourceResolvable(new String[] {code}, code);
  }
}
