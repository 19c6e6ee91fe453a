package org.qunbei.registry.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qunbei.filing.Composition;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.Purpose;

/**
 * The columns of the paper-era import sheet: the paper form's fields in its order, each with its
 * header, whether the form requires it, a line of help for the template, the API field it fills (so
 * that a broken rule is reported in its column) and how its cell is read.
 */
public final class PaperColumns {

  interface Setter {
    void set(PaperRow row, String value, CellParser p);
  }

  record Column(String header, boolean required, String help, String field, Setter setter) {}

  static final String NUMBER = "备案表编号";
  static final String FILLED_ON = "填表日期";
  static final String GROUP_NUMBER = "群号";
  static final String LIST_SEPARATOR = "、";
  static final String[] SLOT_NAMES = {"群主", "管理员1", "管理员2", "其他负责人"};
  private static final String[] MEMBER_PARTS = {"姓名", "职务", "办公电话", "手机", "职责分工"};
  private static final String[] MEMBER_FIELDS = {
    "name", "title", "officePhone", "mobile", "duties"
  };

  static final List<Column> ALL = columns();

  private static final Map<String, GroupType> TYPE_ALIASES =
      Map.of(
          "微信", GroupType.WECHAT,
          "QQ", GroupType.QQ,
          "企业微信", GroupType.WECOM,
          "企业微信群", GroupType.WECOM,
          "钉钉", GroupType.DINGTALK,
          "其他", GroupType.OTHER);
  private static final Map<String, Composition> COMPOSITION_ALIASES =
      Map.of(
          "内部人员", Composition.INTERNAL,
          "本单位人员", Composition.INTERNAL,
          "外部合作单位人员", Composition.EXTERNAL_PARTNERS,
          "外部合作单位", Composition.EXTERNAL_PARTNERS,
          "服务对象", Composition.SERVICE_RECIPIENTS);
  private static final Map<String, Lifetime> LIFETIME_ALIASES =
      Map.of(
          "长期", Lifetime.LONG_TERM,
          "短期", Lifetime.SHORT_TERM,
          "短期(到期解散)", Lifetime.SHORT_TERM,
          "项目结束后解散", Lifetime.UNTIL_PROJECT_ENDS);

  private PaperColumns() {}

  private static List<Column> columns() {
    List<Column> c = new ArrayList<>();
    c.add(col(NUMBER, true, "纸质备案表上的编号，原样保留；重复导入时据此跳过已导入的行", "number", (r, v, p) -> r.number = v));
    c.add(col("填表日期", true, "纸质备案表的填表日期，如 2025-03-01", null, (r, v, p) -> r.filledOn = p.date(v)));
    c.add(
        col(
            "所属部门",
            true,
            "部门代码或部门名称，须在学校部门目录中",
            "departmentCode",
            (r, v, p) -> r.content.departmentCode = v));
    c.add(
        col(
            "群类型",
            true,
            "微信群、QQ群、企业微信工作群、钉钉群或其他工作沟通群",
            "groupType",
            (r, v, p) -> r.content.groupType = p.choice(v, GroupType.class, TYPE_ALIASES)));
    c.add(
        col(
            "其他群类型名称",
            false,
            "群类型为“其他”时填写",
            "groupTypeOther",
            (r, v, p) -> r.content.groupTypeOther = v));
    c.add(col("群名称", true, "与实际群名称一致", "groupName", (r, v, p) -> r.content.groupName = v));
    c.add(col("群号", false, "QQ群、钉钉群必填", "groupNumber", (r, v, p) -> r.content.groupNumber = v));
    c.add(
        col(
            "创建时间",
            true,
            "建群日期，如 2024-09-01",
            "createdOn",
            (r, v, p) -> r.content.createdOn = p.date(v)));
    c.add(
        col(
            "当前群成员人数",
            true,
            "整数",
            "memberCount",
            (r, v, p) -> r.content.memberCount = p.wholeNumber(v)));
    c.add(
        col(
            "群成员构成",
            true,
            "可多选，用顿号分隔：本单位内部人员、包含外部合作单位人员、包含服务对象、其他",
            "composition",
            (r, v, p) ->
                r.content.composition = p.choices(v, Composition.class, COMPOSITION_ALIASES)));
    c.add(
        col(
            "其他成员构成",
            false,
            "群成员构成含“其他”时填写",
            "compositionOther",
            (r, v, p) -> r.content.compositionOther = v));
    c.add(
        col(
            "成员构成说明",
            false,
            "如：本院教师42人，企业导师44人",
            "compositionDetails",
            (r, v, p) -> r.content.compositionDetails = v));
    c.add(
        col(
            "建群目的",
            true,
            "可多选，用顿号分隔：日常工作沟通、专项工作推进、跨部门协作、业务对接、信息传达、应急联络、其他",
            "purposes",
            (r, v, p) -> r.content.purposes = p.choices(v, Purpose.class, Map.of())));
    c.add(
        col(
            "其他建群目的",
            false,
            "建群目的含“其他”时填写",
            "purposeOther",
            (r, v, p) -> r.content.purposeOther = v));
    c.add(
        col(
            "预计存续期限",
            true,
            "长期存续、短期（到期前解散）、专项工作结束后解散或其他",
            "lifetime",
            (r, v, p) -> r.content.lifetime = p.choice(v, Lifetime.class, LIFETIME_ALIASES)));
    c.add(
        col(
            "解散日期",
            false,
            "短期群必填，如 2027-07-15",
            "dissolveBy",
            (r, v, p) -> r.content.dissolveBy = p.date(v)));
    c.add(
        col(
            "其他存续期限说明",
            false,
            "预计存续期限为“其他”时填写",
            "lifetimeOther",
            (r, v, p) -> r.content.lifetimeOther = v));
    c.add(
        col(
            "涉密工作",
            false,
            "是/否，不填为否",
            "classified",
            (r, v, p) -> r.content.classified = p.yesNo(v)));
    for (int s = 0; s < SLOT_NAMES.length; s++) {
      int slot = s;
      for (int k = 0; k < MEMBER_PARTS.length; k++) {
        int part = k;
        boolean required = slot == 0 && part != 4;
        String help = slot == 0 ? "群主/主要负责人" : slot == 3 ? "其他相关负责人，可不填" : "群管理员，至少一名";
        c.add(
            col(
                SLOT_NAMES[slot] + MEMBER_PARTS[part],
                required,
                help,
                "team[#" + slot + "]." + MEMBER_FIELDS[part],
                (r, v, p) -> r.slots[slot][part] = v));
      }
    }
    String[] stewardFields = {"name", "title", "officePhone", "mobile"};
    for (int k = 0; k < 4; k++) {
      int part = k;
      c.add(
          col(
              "外部成员审核人" + MEMBER_PARTS[part],
              false,
              "群内有外部成员时必填",
              "externalSteward." + stewardFields[part],
              (r, v, p) -> r.steward[part] = v));
    }
    c.add(
        col(
            "信息发布范围",
            true,
            "可发布与禁止发布的内容",
            "rules.publishingScope",
            (r, v, p) -> r.publishingScope = v));
    c.add(col("成员准入管理", true, "入群方式、外部成员须提供的证明", "rules.admission", (r, v, p) -> r.admission = v));
    c.add(col("成员退出管理", true, "离职人员移出、项目结束退出", "rules.exit", (r, v, p) -> r.exit = v));
    c.add(
        col(
            "信息留存",
            true,
            "是/否：是否留存群内信息",
            "rules.retention.retain",
            (r, v, p) -> r.retain = p.yesNo(v)));
    c.add(col("留存期限", false, "留存时填写，如 3年", "rules.retention.period", (r, v, p) -> r.period = v));
    c.add(col("归档负责人", false, "留存时填写", "rules.retention.archivist", (r, v, p) -> r.archivist = v));
    c.add(
        col(
            "归档方式",
            false,
            "留存时填写",
            "rules.retention.archiveMethod",
            (r, v, p) -> r.archiveMethod = v));
    c.add(
        col(
            "无需留存的理由",
            false,
            "不留存时填写",
            "rules.retention.noRetentionReason",
            (r, v, p) -> r.noRetentionReason = v));
    c.add(
        col(
            "舆情应急处置",
            true,
            "发现不良信息时的处置与报告",
            "rules.incidentResponse",
            (r, v, p) -> r.incidentResponse = v));
    c.add(
        col(
            "备案承诺已签署",
            true,
            "纸质表第四部分已由群主签字、部门盖章的填“是”",
            "commitmentAccepted",
            (r, v, p) -> r.content.commitmentAccepted = p.yesNo(v)));
    return List.copyOf(c);
  }

  private static Column col(String header, boolean required, String help, String field, Setter s) {
    return new Column(header, required, help, field, s);
  }

  private static final Pattern TEAM = Pattern.compile("team\\[(\\d+)](?:\\.(\\w+))?");

  /** The header of the column a rule's field path points at, for the row's own team layout. */
  static String headerOf(String field, PaperRow row) {
    Matcher m = TEAM.matcher(field);
    String wanted = field;
    if (field.equals("team")) {
      wanted = "team[#0].name";
    } else if (m.matches()) {
      int slot = row.slotOf(Integer.parseInt(m.group(1)));
      wanted = "team[#" + slot + "]." + (m.group(2) == null ? "name" : m.group(2));
    } else if (field.equals("externalSteward")) {
      wanted = "externalSteward.name";
    } else if (field.equals("rules.retention")) {
      wanted = "rules.retention.retain";
    }
    for (Column c : ALL) {
      if (wanted.equals(c.field())) {
        return c.header();
      }
    }
    return null;
  }

  /** Headers are matched without spaces or a required-mark asterisk. */
  static String normalHeader(String header) {
    return header == null ? "" : header.replaceAll("[\\s*＊]", "");
  }
}
