package org.qunbei.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Composition;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.Person;
import org.qunbei.filing.Purpose;
import org.qunbei.filing.Retention;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.TeamMember;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Service;

/**
 * The filled form as an editable Word document (.docx), section by section like the paper, for
 * schools that archive in Word. Check boxes are the characters ☑ and ☐, which Word's CJK fonts
 * carry.
 */
@Service
public class FilingWord {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final PrintViews views;
  private final Messages messages;

  FilingWord(PrintViews views, Messages messages) {
    this.views = views;
    this.messages = messages;
  }

  /**
   * The filled form as .docx on A4: sections 一 to 六 with the approvals' signature and stamp images,
   * and the same verification mark as the PDF (code, link and QR code) once the filing is
   * submitted. It reads the same {@link PrintView} as the PDF.
   */
  public byte[] render(CurrentUser user, long filingId, String baseUrl) {
    PrintView v = views.of(user, filingId, baseUrl);
    Filing f = v.filing();
    FilingContent c = v.content();
    try (var doc = new XWPFDocument();
        var out = new ByteArrayOutputStream()) {
      a4(doc);
      var title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      text(title, "工作群（QQ群/微信群等）备案表", true, 16);
      text(
          doc.createParagraph(),
          "备案表编号：" + (f.number() == null ? "（提交后生成）" : f.number()) + "　　填表日期：" + day(f.filledOn()),
          false,
          10);

      heading(doc, "一、工作群基础信息");
      XWPFTable basic = table(doc, 2);
      row(basic, true, "所属部门", v.departmentName());
      row(
          basic,
          false,
          "群类型",
          choices(
              GroupType.values(),
              t -> t == c.groupType(),
              "GroupType",
              GroupType.OTHER,
              c.groupTypeOther()));
      row(basic, false, "群名称", orBlank(c.groupName()));
      row(basic, false, "群号/群二维码", "群号（如有）：" + (c.groupNumber() == null ? "无" : c.groupNumber()));
      var qrCell = basic.getRow(basic.getNumberOfRows() - 1).getCell(1);
      if (v.groupQr() != null) {
        picture(qrCell.addParagraph(), v.groupQr().bytes(), v.groupQr().contentType(), 72, 72);
      }
      row(basic, false, "创建时间", c.createdOn() == null ? "" : DAY.format(c.createdOn()));
      row(basic, false, "当前群成员人数", c.memberCount() == null ? "" : c.memberCount() + "人（备案时最新数据）");
      row(
          basic,
          false,
          "群成员构成",
          choices(
                  Composition.values(),
                  c.composition()::contains,
                  "Composition",
                  Composition.OTHER,
                  c.compositionOther())
              + (c.compositionDetails() == null ? "" : "\n（详细说明：" + c.compositionDetails() + "）"));
      row(
          basic,
          false,
          "建群目的",
          choices(
              Purpose.values(),
              c.purposes()::contains,
              "Purpose",
              Purpose.OTHER,
              c.purposeOther()));
      row(
          basic,
          false,
          "涉密工作",
          box(c.classified()) + "是（保密环节由党政办审批）　" + box(!c.classified()) + "否");
      row(basic, false, "预计存续期限", lifetime(c));

      heading(doc, "二、群管理团队信息");
      XWPFTable team = table(doc, 6);
      row(team, true, "岗位", "姓名", "职务", "办公电话", "手机号码", "职责分工");
      for (PrintView.TeamRow r : v.team()) {
        TeamMember m = r.member();
        row(
            team,
            false,
            r.label(),
            m == null ? "" : orBlank(m.name()),
            m == null ? "" : orBlank(m.title()),
            m == null ? "" : orBlank(m.officePhone()),
            m == null ? "" : orBlank(m.mobile()),
            m == null ? "" : orBlank(m.duties()));
      }
      text(
          doc.createParagraph(),
          "备注：群管理员需明确职责分工，确保群内信息规范管理；若群成员包含外部人员，需指定专人负责外部人员准入审核及信息保密管理。",
          false,
          9);
      Person steward = c.externalSteward();
      if (steward != null) {
        XWPFTable s = table(doc, 4);
        row(s, true, "外部人员准入审核及信息保密管理负责人", orBlank(steward.name()), "职务", orBlank(steward.title()));
        row(s, false, "办公电话", orBlank(steward.officePhone()), "手机号码", orBlank(steward.mobile()));
      }

      heading(doc, "三、群运营管理规范");
      OperatingRules r =
          c.rules() == null ? new OperatingRules(null, null, null, null, null) : c.rules();
      Retention t =
          r.retention() == null ? new Retention(null, null, null, null, null) : r.retention();
      XWPFTable rules = table(doc, 2);
      row(rules, true, "信息发布范围", orBlank(r.publishingScope()));
      row(rules, false, "成员准入管理", orBlank(r.admission()));
      row(rules, false, "成员退出管理", orBlank(r.exit()));
      boolean retain = Boolean.TRUE.equals(t.retain());
      row(
          rules,
          false,
          "信息留存与归档",
          box(retain && t.period() != null)
              + "需留存群内重要工作信息，留存期限："
              + orBlank(t.period())
              + "\n"
              + box(retain && t.archivist() != null)
              + "指定专人负责信息归档："
              + orBlank(t.archivist())
              + (t.archiveMethod() == null ? "" : "，归档方式：" + t.archiveMethod())
              + "\n"
              + box(Boolean.FALSE.equals(t.retain()))
              + "无需专门留存"
              + (t.noRetentionReason() == null ? "" : "（说明理由：" + t.noRetentionReason() + "）"));
      row(rules, false, "舆情应急处置", orBlank(r.incidentResponse()));

      heading(doc, "四、备案承诺与责任声明");
      for (String code :
          List.of(
              "commitment.intro", "commitment.1", "commitment.2", "commitment.3", "commitment.4")) {
        text(doc.createParagraph(), paper(code), false, 9);
      }
      commitment(doc, v);

      heading(doc, "五、审批备案意见");
      if (f.origin() == org.qunbei.filing.FilingOrigin.PAPER) {
        text(doc.createParagraph(), "纸质备案导入：审批意见、签字与盖章见纸质原件。", false, 9);
      }
      XWPFTable approvals = table(doc, 3);
      row(approvals, true, "审批部门", "审核意见", "签字盖章及日期");
      for (PrintView.ApprovalRow a : v.approvals()) {
        ReviewRecord d = a.decision();
        row(
            approvals,
            false,
            a.step().label(),
            d == null
                ? ""
                : "【" + paper("DecisionKind." + d.decision()) + "】" + orBlank(d.opinion()),
            "");
        signed(approvals.getRow(approvals.getNumberOfRows() - 1).getCell(2), a);
      }

      heading(doc, paper("notes.title"));
      text(doc.createParagraph(), paper("notes.1"), false, 9);
      text(doc.createParagraph(), paper("notes.2"), false, 9);
      mark(doc, java.util.Optional.ofNullable(v.mark()));
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Texts of the paper form kept in messages.properties; the printout is Chinese always. */
  private String paper(String code) {
    return messages.textIn(java.util.Locale.SIMPLIFIED_CHINESE, code);
  }

  /** Section 四's signature line: department (and its stamp), the owner, the date. */
  private static void commitment(XWPFDocument doc, PrintView v) {
    PrintView.Commitment c = v.commitment();
    XWPFParagraph p = doc.createParagraph();
    text(p, "承诺部门（盖章）：" + v.departmentName(), false, 10);
    if (c.departmentStamp() != null) {
      picture(p, c.departmentStamp().bytes(), c.departmentStamp().contentType(), 56, 56);
    }
    text(p, "　　承诺人（群主/主要负责人签字）：" + orBlank(c.owner()), false, 10);
    text(
        doc.createParagraph(),
        "日期："
            + day(c.date())
            + (c.acceptedBy() == null
                ? ""
                : "（"
                    + c.acceptedBy()
                    + "于"
                    + MINUTE.format(c.acceptedAt().atZone(ZoneId.of("Asia/Shanghai")))
                    + "在线确认承诺）"),
        false,
        10);
  }

  private String lifetime(FilingContent c) {
    var b = new StringBuilder();
    for (Lifetime l : Lifetime.values()) {
      b.append(box(l == c.lifetime())).append(paper("Lifetime." + l.name()));
      if (l == Lifetime.SHORT_TERM && c.dissolveBy() != null) {
        b.append("（").append(DAY.format(c.dissolveBy())).append("前解散）");
      }
      if (l == Lifetime.OTHER && l == c.lifetime() && c.lifetimeOther() != null) {
        b.append("：").append(c.lifetimeOther());
      }
      b.append("　");
    }
    return b.toString().strip();
  }

  private static String day(LocalDate date) {
    return date == null ? "　　年　月　日" : DAY.format(date);
  }

  /** A4 portrait, as the paper (twentieths of a point). */
  private static void a4(XWPFDocument doc) {
    var sect = doc.getDocument().getBody().addNewSectPr();
    var size = sect.addNewPgSz();
    size.setW(java.math.BigInteger.valueOf(11906));
    size.setH(java.math.BigInteger.valueOf(16838));
  }

  /** Every choice with its box, the chosen "other" followed by its text (其他：…). */
  private <E extends Enum<E>> String choices(
      E[] all, java.util.function.Predicate<E> chosen, String prefix, E other, String otherText) {
    var b = new StringBuilder();
    for (E e : all) {
      b.append(box(chosen.test(e))).append(paper(prefix + "." + e.name()));
      if (e == other && chosen.test(e) && otherText != null) {
        b.append("：").append(otherText);
      }
      b.append("　");
    }
    return b.toString().strip();
  }

  private static String box(boolean on) {
    return on ? "☑" : "☐";
  }

  private static String orBlank(String s) {
    return s == null ? "" : s;
  }

  /** The third cell of a section 五 row: signature (image or name), stamp image, date. */
  private static void signed(
      org.apache.poi.xwpf.usermodel.XWPFTableCell cell, PrintView.ApprovalRow a) {
    ReviewRecord d = a.decision();
    XWPFParagraph p = cell.getParagraphs().get(0);
    small(p, a.step().stamped() ? "负责人签字：" : "签字：");
    if (a.signature() != null) {
      // The delegate's own signature; whom it stood in for is written beside it.
      picture(p, a.signature(), 24);
      if (d != null && d.onBehalfOfName() != null) {
        small(p, " 代 " + d.onBehalfOfName());
      }
    } else if (d != null) {
      small(p, d.signedAs());
    }
    if (a.step().stamped()) {
      p = cell.addParagraph();
      small(p, "盖章：");
      if (a.stamp() != null) {
        picture(p, a.stamp(), 56);
      }
    }
    small(
        cell.addParagraph(),
        "日期："
            + (d == null
                ? day(null)
                : day(LocalDate.ofInstant(d.decidedAt(), ZoneId.of("Asia/Shanghai")))));
  }

  /** The verification mark, as on the PDF: drafts say they cannot be checked. */
  private void mark(XWPFDocument doc, java.util.Optional<VerificationMark> mark) {
    XWPFParagraph p = doc.createParagraph();
    if (mark.isEmpty()) {
      text(p, "草稿（尚未提交备案），不能核验。", false, 9);
      return;
    }
    VerificationMark m = mark.get();
    picture(p, m.qrPng(), "image/png", 64, 64);
    text(p, "　本表由群备系统生成。扫描二维码或访问 " + m.shortUrl() + " 核验本表的编号、群名称、所属部门、状态与内容。验证码：", false, 9);
    text(p, m.code(), true, 9);
    XWPFParagraph digest = doc.createParagraph();
    text(digest, "内容摘要：", false, 9);
    text(digest, m.digest().wholeShown(), true, 9);
    var sections = new StringBuilder("分部分摘要：");
    for (DigestSection s : DigestSection.values()) {
      sections
          .append(s.ordinal() == 0 ? "" : "；")
          .append(paper("DigestSection." + s.name()))
          .append(' ')
          .append(m.digest().sectionShown(s));
    }
    text(doc.createParagraph(), sections.toString(), false, 8);
    text(
        doc.createParagraph(),
        "内容摘要与系统记录不一致的，本表不是当前版本或内容已被改动；核验页可按部分比对，并列出第二、三部分的内容（不含电话号码）供核对。",
        false,
        8);
  }

  private static void picture(XWPFParagraph p, PrintView.Image image, int height) {
    try {
      var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.bytes()));
      int width = img == null ? height : Math.max(1, height * img.getWidth() / img.getHeight());
      picture(p, image.bytes(), image.contentType(), width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An inline picture, sized in points. */
  private static void picture(XWPFParagraph p, byte[] bytes, String type, int width, int height) {
    int format =
        type.equals("image/jpeg")
            ? org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_JPEG
            : org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG;
    try {
      p.createRun()
          .addPicture(
              new java.io.ByteArrayInputStream(bytes),
              format,
              type.equals("image/jpeg") ? "image.jpg" : "image.png",
              org.apache.poi.util.Units.toEMU(width),
              org.apache.poi.util.Units.toEMU(height));
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException("cannot place an image in the Word file", e);
    }
  }

  private static void small(XWPFParagraph p, String text) {
    text(p, text, false, 10);
  }

  private static void heading(XWPFDocument doc, String text) {
    text(doc.createParagraph(), text, true, 12);
  }

  /** Text width of an A4 page with Word's default margins, in twentieths of a point. */
  private static final int TEXT_WIDTH = 9000;

  private static XWPFTable table(XWPFDocument doc, int columns) {
    XWPFTable t = doc.createTable(1, columns);
    t.setWidth("100%");
    if (columns == 2) {
      // The paper's narrow label column: word processors lay out by the grid, not cell widths.
      var grid = t.getCTTbl().getTblGrid();
      if (grid == null) {
        grid = t.getCTTbl().addNewTblGrid();
      }
      grid.addNewGridCol().setW(java.math.BigInteger.valueOf(TEXT_WIDTH * 24 / 100));
      grid.addNewGridCol().setW(java.math.BigInteger.valueOf(TEXT_WIDTH * 76 / 100));
      t.getRow(0).getCell(0).setWidth(String.valueOf(TEXT_WIDTH * 24 / 100));
    }
    return t;
  }

  /** Fills the table's first (empty) row, or adds one. */
  private static void row(XWPFTable t, boolean first, String... cells) {
    XWPFTableRow row = first ? t.getRow(0) : t.createRow();
    for (int i = 0; i < cells.length; i++) {
      var cell = row.getCell(i) == null ? row.addNewTableCell() : row.getCell(i);
      XWPFParagraph p = cell.getParagraphs().get(0);
      String[] lines = cells[i].split("\n", -1);
      XWPFRun run = p.createRun();
      for (int k = 0; k < lines.length; k++) {
        if (k > 0) {
          run.addBreak();
        }
        run.setText(lines[k]);
      }
      run.setFontSize(10);
      run.setBold(first && i == 0 || first && cells.length > 2);
    }
  }

  private static void text(XWPFParagraph p, String text, boolean bold, int size) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
  }
}
