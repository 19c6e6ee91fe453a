package org.qunbei.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few filings for the demo directory, so that a first look at the registry shows something: one
 * submitted and one draft for 计算机学院, one submitted QQ group for 数学学院. Only outside {@code prod},
 * and only into an empty registry.
 */
@Component
@Profile("!prod")
@Order(2)
class DemoFilings implements ApplicationRunner {

  private final FilingService service;
  private final Filings filings;
  private final Clock clock;

  DemoFilings(FilingService service, Filings filings, Clock clock) {
    this.service = service;
    this.filings = filings;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (filings.count() > 0) {
      return;
    }
    var cs = new CurrentUser("applicant", "张明", "CS", Set.of(Role.APPLICANT), Set.of(), Set.of());
    var math =
        new CurrentUser("applicant2", "刘洋", "MATH", Set.of(Role.APPLICANT), Set.of(), Set.of());
    LocalDate today = LocalDate.now(clock);
    Filing thesis = service.createDraft(cs, thesisGroup(today));
    service.submit(cs, thesis.id(), null);
    Filing olympiad = service.createDraft(math, olympiadGroup(today));
    service.submit(math, olympiad.id(), null);
    service.createDraft(
        cs,
        new FilingContent(
            "CS",
            GroupType.WECOM,
            null,
            "计算机学院实验室安全工作群",
            null,
            today.minusMonths(2),
            35,
            Set.of(Composition.INTERNAL),
            null,
            null,
            Set.of(Purpose.DAILY_WORK, Purpose.EMERGENCY_CONTACT),
            null,
            Lifetime.LONG_TERM,
            null,
            null,
            false,
            List.of(new TeamMember(TeamRole.OWNER, "赵磊", "实验室主任", null, "13912340001", null)),
            null,
            null,
            false));
  }

  private static FilingContent thesisGroup(LocalDate today) {
    return new FilingContent(
        "CS",
        GroupType.WECHAT,
        null,
        "计算机学院毕业设计工作群",
        null,
        today.minusMonths(3),
        86,
        Set.of(Composition.INTERNAL, Composition.EXTERNAL_PARTNERS),
        null,
        "本院指导教师42人，合作企业导师44人",
        Set.of(Purpose.SPECIAL_PROJECT, Purpose.CROSS_DEPARTMENT),
        null,
        Lifetime.SHORT_TERM,
        today.plusMonths(7),
        null,
        false,
        List.of(
            new TeamMember(
                TeamRole.OWNER, "王建国", "副院长", "010-62780001", "13801010001", "全面负责群的运营与信息审核"),
            new TeamMember(
                TeamRole.ADMIN, "李晓梅", "教学秘书", "010-62780002", "13801010002", "成员准入审核、日常通知发布"),
            new TeamMember(
                TeamRole.ADMIN, "赵强", "辅导员", "010-62780003", "13901010003", "内容巡查、不良信息处置")),
        new Person("李晓梅", "教学秘书", "010-62780002", "13801010002"),
        new OperatingRules(
            "可发布：毕业设计工作通知、进度汇报、答辩安排。禁止：涉密信息、无关广告、不实信息。",
            "邀请制；企业导师须提供合作协议及单位证明，经学院审核后由管理员邀请入群。",
            "毕业设计结束后企业导师有序退出；离职人员当日移出。",
            new Retention(true, "3年", "陈静", "每月导出聊天记录，加密存档于学院档案室", null),
            "发现不良信息立即删除并禁言相关成员，截图留存，2小时内报告学院党委及学校网信办。"),
        true);
  }

  private static FilingContent olympiadGroup(LocalDate today) {
    return new FilingContent(
        "MATH",
        GroupType.QQ,
        null,
        "数学竞赛培训QQ群",
        "618203344",
        today.minusYears(1),
        240,
        Set.of(Composition.INTERNAL, Composition.SERVICE_RECIPIENTS),
        null,
        "教练组教师12人，参赛学生228人",
        Set.of(Purpose.SPECIAL_PROJECT, Purpose.INFORMATION_DISSEMINATION),
        null,
        Lifetime.LONG_TERM,
        null,
        null,
        false,
        List.of(
            new TeamMember(TeamRole.OWNER, "孙丽", "院长", "0571-88880001", "13600000001", "全面负责"),
            new TeamMember(TeamRole.ADMIN, "钱程", "竞赛教练", null, "13600000002", "发布培训通知")),
        new Person("钱程", "竞赛教练", null, "13600000002"),
        new OperatingRules(
            "培训通知、题目讲解；禁止广告与无关内容。",
            "学生凭学号申请，管理员审核后入群。",
            "毕业或退出竞赛队后移出。",
            new Retention(false, null, null, null, "培训资料另行存档于课程平台"),
            "发现不良信息立即删除，报告学院办公室。"),
        true);
  }
}
