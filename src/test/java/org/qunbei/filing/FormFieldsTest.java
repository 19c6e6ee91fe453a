package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.Violation;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The form's shape is named once: the catalog covers every field, and labels say whose field. */
class FormFieldsTest {

  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasename("messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  static String text(org.springframework.context.MessageSourceResolvable r) {
    return MESSAGES.getMessage(r, Locale.CHINA);
  }

  /** The leaf fields of the content record, as API paths without the team row. */
  static Set<String> leaves(Class<?> type, String prefix) {
    Set<String> out = new TreeSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String key = prefix + c.getName();
      Class<?> t = c.getType();
      if (t == List.class) {
        var element =
            (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
        out.addAll(leaves(element, key + "."));
      } else if (t.isRecord()) {
        out.addAll(leaves(t, key + "."));
      } else {
        out.add(key);
      }
    }
    return out;
  }

  @Test
  void everyFieldOfTheContentIsInTheCatalogAndNothingElse() {
    Set<String> content = leaves(FilingContent.class, "");
    content.remove("team.role"); // the row itself: a team field's slot
    Set<String> catalog = new TreeSet<>();
    FormFields.ALL.forEach(f -> catalog.add(f.key()));
    assertThat(catalog).isEqualTo(content);
    for (FormField f : FormFields.ALL) {
      assertThat(MESSAGES.getMessage(f.labelCode(), null, null, Locale.CHINA))
          .as("label of " + f.key())
          .isNotNull();
    }
  }

  @Test
  void teamFieldsSitOnThePapersFixedRowsWhateverTheListOrder() {
    FilingContent c = FilingRulesTest.valid();
    var reversed = new ArrayList<>(c.team());
    java.util.Collections.reverse(reversed); // OTHER, ADMIN 赵强, ADMIN 李晓梅, OWNER
    FilingContent shuffled = c.edit(e -> e.team = reversed);
    FormField ownerName =
        FormFields.ALL.stream()
            .filter(f -> f.slot() == TeamSlot.OWNER && f.key().equals("team.name"))
            .findFirst()
            .orElseThrow();
    assertThat(ownerName.valueOf(shuffled)).isEqualTo("王建国");
    assertThat(ownerName.path(shuffled)).isEqualTo("team[3].name");
    assertThat(text(ownerName.label())).isEqualTo("群主/主要负责人的姓名");
    assertThat(text(FormFields.label(shuffled, "team[1].title"))).isEqualTo("群管理员（1）的职务");
    assertThat(text(FormFields.label(shuffled, "team[2].title"))).isEqualTo("群管理员（2）的职务");
    assertThat(text(FormFields.label(shuffled, "groupName"))).isEqualTo("群名称");
  }

  @Test
  void aSubmissionWithABadMobileAndElevenEmptyFieldsShowsAllTwelveNamingWhoseFieldItIs() {
    FilingContent v = FilingRulesTest.valid();
    var team = new ArrayList<>(v.team());
    TeamMember owner = team.get(0);
    team.set(0, new TeamMember(owner.role(), owner.name(), owner.title(), null, "1380", null));
    TeamMember admin = team.get(1);
    team.set(1, new TeamMember(admin.role(), admin.name(), "", null, admin.mobile(), " "));
    FilingContent c =
        v.edit(
            e -> {
              e.groupName = " ";
              e.createdOn = null;
              e.memberCount = null;
              e.purposes = Set.of();
              e.team = team;
              e.externalSteward = new Person("李晓梅", "", null, "13801010002");
              e.rules = new OperatingRules(null, "", v.rules().exit(), v.rules().retention(), null);
              e.commitmentAccepted = false;
            });
    var rules = new FilingRules(Clock.system(ZoneId.of("Asia/Shanghai")));
    List<Violation> found = rules.checkSubmission(c).list();
    List<String> messages =
        found.stream().map(x -> MESSAGES.getMessage(x.code(), x.args(), Locale.CHINA)).toList();
    assertThat(found.stream().map(Violation::field))
        .containsExactlyInAnyOrder(
            "groupName",
            "createdOn",
            "memberCount",
            "purposes",
            "team[0].mobile",
            "team[1].title",
            "team[1].duties",
            "externalSteward.title",
            "rules.publishingScope",
            "rules.admission",
            "rules.incidentResponse",
            "commitmentAccepted");
    assertThat(messages)
        .contains(
            "群管理员（1）的职务不能为空", "群管理员（1）的职责分工不能为空", "群主/主要负责人的手机号码格式不正确，应为11位中国大陆手机号，如13801010001");
  }
}
