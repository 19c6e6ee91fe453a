package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qunbei.shared.Violation;
import org.qunbei.shared.Violations;

/** Every rule of sections 一 to 四: each one's failure and its success. */
class FilingRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  final FilingRules rules =
      new FilingRules(
          Clock.fixed(
              ZonedDateTime.of(TODAY.atTime(10, 0), ZoneId.of("Asia/Shanghai")).toInstant(),
              ZoneId.of("Asia/Shanghai")));

  static FilingContent valid() {
    return new FilingContent(
        "CS",
        GroupType.WECHAT,
        null,
        "计算机学院毕业设计工作群",
        null,
        TODAY.minusMonths(3),
        86,
        Set.of(Composition.INTERNAL, Composition.EXTERNAL_PARTNERS),
        null,
        "教师42人，企业导师44人",
        Set.of(Purpose.SPECIAL_PROJECT),
        null,
        Lifetime.SHORT_TERM,
        TODAY.plusMonths(7),
        null,
        false,
        List.of(
            new TeamMember(TeamRole.OWNER, "王建国", "副院长", "010-62780001", "13801010001", "全面负责"),
            new TeamMember(TeamRole.ADMIN, "李晓梅", "教学秘书", null, "13801010002", "准入审核"),
            new TeamMember(TeamRole.ADMIN, "赵强", "辅导员", "0571-8888888-123", "19901010003", "内容巡查"),
            new TeamMember(TeamRole.OTHER, "陈静", "办公室主任", null, "13701010004", null)),
        new Person("李晓梅", "教学秘书", null, "13801010002"),
        new OperatingRules(
            "可发布工作通知", "邀请制", "离职即移出", new Retention(true, "3年", null, null, null), "立即删除并上报"),
        true);
  }

  /** The valid content with some fields changed, built through the record's own copy. */
  static FilingContent with(java.util.function.Consumer<FilingContent.Editor> change) {
    return valid().edit(change);
  }

  Violations submit(FilingContent c) {
    return rules.checkSubmission(c);
  }

  static List<String> fields(Violations v) {
    return v.list().stream().map(Violation::field).toList();
  }

  static List<String> codes(Violations v) {
    return v.list().stream().map(Violation::code).toList();
  }

  @Test
  void theValidFilingPassesBothLevels() {
    assertThat(rules.checkDraft(valid()).list()).isEmpty();
    assertThat(submit(valid()).list()).isEmpty();
  }

  @Test
  void anEmptyDraftIsFineButCannotBeSubmitted() {
    var empty =
        new FilingContent(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);
    assertThat(rules.checkDraft(empty).list()).isEmpty();
    assertThat(fields(submit(empty)))
        .contains(
            "departmentCode",
            "groupType",
            "groupName",
            "createdOn",
            "memberCount",
            "composition",
            "purposes",
            "lifetime",
            "team",
            "rules.publishingScope",
            "rules.admission",
            "rules.exit",
            "rules.incidentResponse",
            "rules.retention.retain",
            "commitmentAccepted");
  }

  @Nested
  class GroupTypeRules {
    @Test
    void otherNeedsItsName() {
      assertThat(fields(submit(with(e -> e.groupType = GroupType.OTHER))))
          .containsExactly("groupTypeOther");
      assertThat(
              submit(
                      with(
                          e -> {
                            e.groupType = GroupType.OTHER;
                            e.groupTypeOther = "飞书群";
                          }))
                  .list())
          .isEmpty();
    }

    @Test
    void numberedPlatformsNeedTheGroupNumber() {
      assertThat(codes(submit(with(e -> e.groupType = GroupType.QQ))))
          .containsExactly("filing.groupNumber.required");
      assertThat(
              submit(
                      with(
                          e -> {
                            e.groupType = GroupType.QQ;
                            e.groupNumber = "734219088";
                          }))
                  .list())
          .isEmpty();
      assertThat(submit(with(e -> e.groupType = GroupType.WECOM)).list()).isEmpty();
    }

    @Test
    void theGroupNumberHasAFormat() {
      assertThat(codes(rules.checkDraft(with(e -> e.groupNumber = "12 34; drop"))))
          .containsExactly("filing.groupNumber.invalid");
    }
  }

  @Nested
  class MemberCount {
    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void atLeastOne(int count) {
      assertThat(codes(rules.checkDraft(with(e -> e.memberCount = count))))
          .containsExactly("filing.memberCount.min");
    }

    @Test
    void withinThePlatformsLargestGroup() {
      assertThat(rules.checkDraft(with(e -> e.memberCount = 500)).list()).isEmpty();
      assertThat(codes(rules.checkDraft(with(e -> e.memberCount = 501))))
          .containsExactly("filing.memberCount.max");
      assertThat(
              rules
                  .checkDraft(
                      with(
                          e -> {
                            e.groupType = GroupType.QQ;
                            e.memberCount = 3000;
                          }))
                  .list())
          .isEmpty();
      assertThat(
              codes(
                  rules.checkDraft(
                      with(
                          e -> {
                            e.groupType = GroupType.WECOM;
                            e.memberCount = 2001;
                          }))))
          .containsExactly("filing.memberCount.max");
    }
  }

  @Nested
  class Dates {
    @Test
    void creationNotInTheFuture() {
      assertThat(codes(rules.checkDraft(with(e -> e.createdOn = TODAY.plusDays(1)))))
          .containsExactly("filing.createdOn.future");
      assertThat(rules.checkDraft(with(e -> e.createdOn = TODAY)).list()).isEmpty();
    }

    @Test
    void shortTermNeedsADissolveDateAfterCreationAndNotPast() {
      assertThat(codes(submit(with(e -> e.dissolveBy = null))))
          .containsExactly("filing.dissolveBy.required");
      assertThat(codes(submit(with(e -> e.dissolveBy = TODAY.minusDays(1)))))
          .containsExactly("filing.dissolveBy.past");
      assertThat(codes(rules.checkDraft(with(e -> e.dissolveBy = TODAY.minusMonths(4)))))
          .containsExactly("filing.dissolveBy.beforeCreated");
      assertThat(submit(with(e -> e.dissolveBy = TODAY)).list()).isEmpty();
    }

    @Test
    void otherLifetimeNeedsItsText() {
      assertThat(
              fields(
                  submit(
                      with(
                          e -> {
                            e.lifetime = Lifetime.OTHER;
                            e.dissolveBy = null;
                          }))))
          .containsExactly("lifetimeOther");
      assertThat(
              submit(
                      with(
                          e -> {
                            e.lifetime = Lifetime.OTHER;
                            e.dissolveBy = null;
                            e.lifetimeOther = "学期结束后评估";
                          }))
                  .list())
          .isEmpty();
      assertThat(
              submit(
                      with(
                          e -> {
                            e.lifetime = Lifetime.LONG_TERM;
                            e.dissolveBy = null;
                          }))
                  .list())
          .isEmpty();
    }
  }

  @Nested
  class Choices {
    @Test
    void compositionNeedsOneAndOtherItsText() {
      assertThat(codes(submit(with(e -> e.composition = Set.of()))))
          .contains("filing.composition.required");
      assertThat(fields(submit(with(e -> e.composition = Set.of(Composition.OTHER)))))
          .containsExactly("compositionOther");
      assertThat(
              submit(
                      with(
                          e -> {
                            e.composition = Set.of(Composition.OTHER);
                            e.compositionOther = "校友";
                          }))
                  .list())
          .isEmpty();
    }

    @Test
    void purposeNeedsOneAndOtherItsText() {
      assertThat(codes(submit(with(e -> e.purposes = Set.of()))))
          .containsExactly("filing.purposes.required");
      assertThat(fields(submit(with(e -> e.purposes = Set.of(Purpose.OTHER)))))
          .containsExactly("purposeOther");
      assertThat(
              submit(
                      with(
                          e -> {
                            e.purposes = Set.of(Purpose.OTHER);
                            e.purposeOther = "迎新";
                          }))
                  .list())
          .isEmpty();
    }
  }

  @Nested
  class Team {
    @Test
    void exactlyOneOwner() {
      var noOwner =
          with(
              e ->
                  e.team =
                      List.of(
                          new TeamMember(TeamRole.ADMIN, "李", "秘书", null, "13801010002", "审核")));
      assertThat(codes(submit(noOwner))).containsExactly("filing.team.owner.required");
      var twoOwners =
          with(
              e ->
                  e.team =
                      List.of(
                          new TeamMember(TeamRole.OWNER, "王", "院长", null, "13801010001", null),
                          new TeamMember(TeamRole.OWNER, "李", "院长", null, "13801010002", null)));
      assertThat(fields(rules.checkDraft(twoOwners))).containsExactly("team[1].role");
    }

    @Test
    void atMostTwoAdminsAndOneOther() {
      var team = new ArrayList<>(valid().team());
      team.add(new TeamMember(TeamRole.ADMIN, "钱", "干事", null, "13801010005", "巡查"));
      team.add(new TeamMember(TeamRole.OTHER, "孙", "干事", null, "13801010006", null));
      var v = rules.checkDraft(with(e -> e.team = team));
      assertThat(fields(v)).containsExactly("team[4].role", "team[5].role");
      assertThat(codes(v)).containsOnly("filing.team.role.tooMany");
    }

    @Test
    void everyMemberNeedsNameTitleAndAValidMobile() {
      var v =
          submit(
              with(
                  e ->
                      e.team =
                          List.of(new TeamMember(TeamRole.OWNER, null, " ", null, null, null))));
      assertThat(fields(v)).containsExactly("team[0].name", "team[0].title", "team[0].mobile");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"1380101000", "138010100011", "12801010001", "1380101000a", "+8613801010001"})
    void badMobilesAreRefused(String mobile) {
      var v =
          rules.checkDraft(
              with(
                  e ->
                      e.team =
                          List.of(new TeamMember(TeamRole.OWNER, "王", "院长", null, mobile, null))));
      assertThat(codes(v)).containsExactly("filing.mobile.invalid");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "010-62780001",
          "01062780001",
          "0571-8888888",
          "010-62780001-123",
          "0755-88880000转8001"
        })
    void goodOfficePhonesPass(String phone) {
      var v =
          rules.checkDraft(
              with(
                  e ->
                      e.team =
                          List.of(
                              new TeamMember(
                                  TeamRole.OWNER, "王", "院长", phone, "13801010001", null))));
      assertThat(v.list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"62780001", "010-1234", "电话", "10-62780001", "010-62780001-"})
    void badOfficePhonesAreRefused(String phone) {
      var v =
          rules.checkDraft(
              with(
                  e ->
                      e.team =
                          List.of(
                              new TeamMember(
                                  TeamRole.OWNER, "王", "院长", phone, "13801010001", null))));
      assertThat(codes(v)).containsExactly("filing.officePhone.invalid");
    }

    @Test
    void adminsStateTheirDuties() {
      var team = new ArrayList<>(valid().team());
      team.set(1, new TeamMember(TeamRole.ADMIN, "李晓梅", "教学秘书", null, "13801010002", " "));
      assertThat(fields(submit(with(e -> e.team = team)))).containsExactly("team[1].duties");
    }

    @Test
    void aNullRowIsNamed() {
      var team = new ArrayList<>(valid().team());
      team.add(null);
      assertThat(fields(rules.checkDraft(with(e -> e.team = team)))).containsExactly("team[4]");
    }
  }

  @Nested
  class ExternalSteward {
    @Test
    void requiredWithExternalMembers() {
      assertThat(fields(submit(with(e -> e.externalSteward = null))))
          .containsExactly("externalSteward");
      assertThat(
              fields(
                  submit(
                      with(
                          e -> {
                            e.composition = Set.of(Composition.SERVICE_RECIPIENTS);
                            e.externalSteward = null;
                          }))))
          .containsExactly("externalSteward");
      assertThat(fields(submit(with(e -> e.externalSteward = new Person("李", null, null, "138")))))
          .containsExactly("externalSteward.mobile", "externalSteward.title");
    }

    @Test
    void notNeededForInternalGroups() {
      assertThat(
              submit(
                      with(
                          e -> {
                            e.composition = Set.of(Composition.INTERNAL);
                            e.externalSteward = null;
                          }))
                  .list())
          .isEmpty();
    }
  }

  @Nested
  class OperatingRulesAndRetention {
    @Test
    void allFourTextsArePresent() {
      var v =
          submit(
              with(
                  e ->
                      e.rules =
                          new OperatingRules(
                              " ", null, "", new Retention(true, "3年", null, null, null), null)));
      assertThat(fields(v))
          .containsExactly(
              "rules.publishingScope", "rules.admission", "rules.exit", "rules.incidentResponse");
    }

    @Test
    void retentionIsEitherRetainOrAReasonNeverNeitherNorBoth() {
      assertThat(codes(submit(retention(null)))).containsExactly("filing.retention.choose");
      assertThat(codes(submit(retention(new Retention(null, null, null, null, null)))))
          .containsExactly("filing.retention.choose");
      assertThat(codes(submit(retention(new Retention(true, null, null, null, null)))))
          .containsExactly("filing.retention.retainNeedsDetail");
      assertThat(submit(retention(new Retention(true, "3年", null, null, null))).list()).isEmpty();
      assertThat(submit(retention(new Retention(true, null, "陈静", "每月导出", null))).list()).isEmpty();
      assertThat(codes(submit(retention(new Retention(true, null, "陈静", null, null)))))
          .containsExactly("filing.retention.methodRequired");
      assertThat(codes(submit(retention(new Retention(true, null, null, "每月导出", null)))))
          .containsExactly("filing.retention.archivistRequired");
      assertThat(codes(submit(retention(new Retention(true, "3年", null, null, "没必要")))))
          .containsExactly("filing.retention.both");
      assertThat(codes(submit(retention(new Retention(false, null, null, null, null)))))
          .containsExactly("filing.retention.reasonRequired");
      assertThat(codes(submit(retention(new Retention(false, "3年", null, null, "另有系统存档")))))
          .containsExactly("filing.retention.both");
      assertThat(submit(retention(new Retention(false, null, null, null, "另有系统存档"))).list())
          .isEmpty();
    }

    private FilingContent retention(Retention r) {
      return with(e -> e.rules = new OperatingRules("可发布", "邀请制", "退出", r, "删除上报"));
    }
  }

  @Test
  void theCommitmentMustBeAccepted() {
    assertThat(codes(submit(with(e -> e.commitmentAccepted = false))))
        .containsExactly("filing.commitment.required");
  }

  @Test
  void lengthsAreCheckedOnEveryDraft() {
    var v =
        rules.checkDraft(
            with(
                e -> {
                  e.groupName = "群".repeat(101);
                  e.compositionDetails = "x".repeat(501);
                  e.rules =
                      new OperatingRules(
                          "x".repeat(2001),
                          "邀请制",
                          "退出",
                          new Retention(true, "x".repeat(51), null, null, null),
                          "删除");
                }));
    assertThat(fields(v))
        .containsExactlyInAnyOrder(
            "groupName", "compositionDetails", "rules.publishingScope", "rules.retention.period");
    assertThat(codes(v)).containsOnly("filing.tooLong");
  }

  @Test
  void normalizingDropsWhatTheChoicesMadeIrrelevant() {
    var c =
        with(e -> {
              e.lifetime = Lifetime.LONG_TERM;
              e.groupTypeOther = "飞书";
              e.composition = Set.of(Composition.INTERNAL);
            })
            .normalized();
    assertThat(c.dissolveBy()).isNull();
    assertThat(c.groupTypeOther()).isNull();
    assertThat(c.externalSteward()).isNull();
    assertThat(c.groupName()).isEqualTo(valid().groupName());
  }
}
