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
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.OperatingRules;
import org.qunbei.filing.Retention;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.ReviewStepInfo;
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

  private final FilingService filings;
  private final ReviewRouting review;
  private final Directory directory;
  private final Messages messages;
  private final Verifications verifications;
  private final org.qunbei.approval.Seals seals;

  FilingWord(
      FilingService filings,
      ReviewRouting review,
      Directory directory,
      Messages messages,
      Verifications verifications,
      org.qunbei.approval.Seals seals) {
    this.filings = filings;
    this.review = review;
    this.directory = directory;
    this.messages = messages;
    this.verifications = verifications;
    this.seals = seals;
  }

  /**
   * The filled form as .docx: sections 一 to 六 with the approvals' signature and stamp images, and
   * the same verification mark as the PDF (code, link and QR code) once the filing is submitted.
   */
  public byte[] render(CurrentUser user, long filingId, String baseUrl) {
    Filing f = filings.get(user, filingId);
    FilingContent c = filings.contentFor(user, f);
    try (var doc = new XWPFDocument();
        var out = new ByteArrayOutputStream()) {
      var title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      text(title, "工作群（QQ群/微信群等）备案表", true, 16);
      text(
          doc.createParagraph(),
          "备案表编号："
              + orBlank(f.number())
              + "　　填表日期："
              + (f.filledOn() == null ? "　　年　月　日" : DAY.format(f.filledOn())),
          false,
          10);

      heading(doc, "一、工作群基础信息");
      XWPFTable basic = table(doc, 2);
      row(basic, true, "所属部门", directory.nameOf(f.departmentCode()));
      row(
          basic,
          false,
          "群类型",
          choices(org.qunbei.filing.GroupType.values(), t -> t == c.groupType(), "GroupType")
              + (c.groupType() == org.qunbei.filing.GroupType.OTHER
                  ? "：" + orBlank(c.groupTypeOther())
                  : ""));
      row(basic, false, "群名称", orBlank(c.groupName()));
      row(basic, false, "群号/群二维码", "群号（如有）：" + (c.groupNumber() == null ? "无" : c.groupNumber()));
      var qrCell = basic.getRow(basic.getNumberOfRows() - 1).getCell(1);
      filings
          .qrCode(f)
          .ifPresent(qr -> picture(qrCell.addParagraph(), qr.image(), qr.contentType(), 72, 72));
      row(basic, false, "创建时间", c.createdOn() == null ? "" : DAY.format(c.createdOn()));
      row(basic, false, "当前群成员人数", c.memberCount() == null ? "" : c.memberCount() + "人（备案时最新数据）");
      row(
          basic,
          false,
          "群成员构成",
          choices(org.qunbei.filing.Composition.values(), c.composition()::contains, "Composition")
              + (c.compositionDetails() == null ? "" : "（详细说明：" + c.compositionDetails() + "）"));
      row(
          basic,
          false,
          "建群目的",
          choices(org.qunbei.filing.Purpose.values(), c.purposes()::contains, "Purpose"));
      row(
          basic,
          false,
          "预计存续期限",
          choices(org.qunbei.filing.Lifetime.values(), l -> l == c.lifetime(), "Lifetime")
              + (c.dissolveBy() == null ? "" : "（" + DAY.format(c.dissolveBy()) + "前解散）"));

      heading(doc, "二、群管理团队信息");
      XWPFTable team = table(doc, 6);
      row(team, true, "岗位", "姓名", "职务", "办公电话", "手机号码", "职责分工");
      int admins = 0;
      for (TeamMember m : c.team()) {
        // The paper numbers its two admin rows: 群管理员（1）, 群管理员（2）.
        String numbered = m.role() == org.qunbei.filing.TeamRole.ADMIN ? "（" + ++admins + "）" : "";
        row(
            team,
            false,
            messages.label(m.role()) + numbered,
            orBlank(m.name()),
            orBlank(m.title()),
            orBlank(m.officePhone()),
            orBlank(m.mobile()),
            orBlank(m.duties()));
      }
      text(
          doc.createParagraph(),
          "备注：群管理员需明确职责分工，确保群内信息规范管理；若群成员包含外部人员，需指定专人负责外部人员准入审核及信息保密管理。"
              + (c.externalSteward() == null
                  ? ""
                  : "外部人员准入审核及信息保密管理负责人："
                      + c.externalSteward().name()
                      + "（"
                      + orBlank(c.externalSteward().title())
                      + "）。"),
          false,
          9);

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
      for (String line :
          List.of(
              "本部门郑重承诺：",
              "1.已知晓并严格遵守单位内部工作沟通工具管理相关规定，对本备案工作群的运营管理负全部责任。",
              "2.严格执行群运营管理规范，确保群内信息真实、合规、安全，坚决杜绝发布、传播涉密信息、有害信息及与工作无关的违规内容。",
              "3.加强群成员管理，规范准入与退出流程，对群内出现的违规行为及时制止并妥善处置；若发生信息泄露、舆情等安全事件，将第一时间采取处置措施并向单位主管部门报告。",
              "4.若工作群名称、管理团队、群功能等关键信息发生变更，或群达到存续期限需要解散，将在5个工作日内重新提交备案表更新备案或报备解散事宜。")) {
        text(doc.createParagraph(), line, false, 9);
      }
      text(
          doc.createParagraph(),
          "承诺部门（盖章）："
              + directory.nameOf(f.departmentCode())
              + "　　承诺人（群主/主要负责人签字）："
              + (c.team().isEmpty() ? "" : orBlank(c.team().get(0).name())),
          false,
          10);

      heading(doc, "五、审批备案意见");
      XWPFTable approvals = table(doc, 3);
      row(approvals, true, "审批部门", "审核意见", "签字盖章及日期");
      List<ReviewRecord> records = review.recordOf(f);
      for (ReviewStepInfo s : review.steps()) {
        ReviewRecord d = ReviewRecord.of(records, s.code(), f.round()).orElse(null);
        String date =
            d == null
                ? "　　年　月　日"
                : DAY.format(LocalDate.ofInstant(d.decidedAt(), ZoneId.of("Asia/Shanghai")));
        row(
            approvals,
            false,
            s.label(),
            d == null
                ? ""
                : "【" + messages.text("DecisionKind." + d.decision()) + "】" + d.opinion(),
            "");
        signed(user, approvals.getRow(approvals.getNumberOfRows() - 1).getCell(2), s, d, date);
      }

      heading(doc, "六、备注");
      text(doc.createParagraph(), "1. 本备案表一式两份，申请部门与学校主管部门各留存一份，具有同等效力。", false, 9);
      text(doc.createParagraph(), "2. 备案信息需真实准确，如有隐瞒或虚假填报，将追究相关部门及责任人责任。", false, 9);
      mark(doc, VerificationMark.of(f, verifications, baseUrl));
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <E extends Enum<E>> String choices(
      E[] all, java.util.function.Predicate<E> chosen, String prefix) {
    var b = new StringBuilder();
    for (E e : all) {
      b.append(box(chosen.test(e))).append(messages.text(prefix + "." + e.name())).append("　");
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
  private void signed(
      CurrentUser user,
      org.apache.poi.xwpf.usermodel.XWPFTableCell cell,
      ReviewStepInfo step,
      ReviewRecord d,
      String date) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    small(p, step.stamped() ? "负责人签字：" : "签字：");
    if (d != null && d.signatureImageId() != null) {
      picture(p, seals.image(user, d.signatureImageId()), 24);
    } else if (d != null) {
      small(p, d.decidedByName());
    }
    if (step.stamped()) {
      p = cell.addParagraph();
      small(p, "盖章：");
      if (d != null && d.stampImageId() != null) {
        picture(p, seals.image(user, d.stampImageId()), 56);
      }
    }
    small(cell.addParagraph(), "日期：" + date);
  }

  /** The verification mark, as on the PDF: drafts say they cannot be checked. */
  private static void mark(XWPFDocument doc, java.util.Optional<VerificationMark> mark) {
    XWPFParagraph p = doc.createParagraph();
    if (mark.isEmpty()) {
      text(p, "草稿（尚未提交备案），不能核验。", false, 9);
      return;
    }
    VerificationMark m = mark.get();
    picture(p, m.qrPng(), "image/png", 64, 64);
    text(p, "　本表由群备系统生成。扫描二维码或访问 " + m.url() + " 核验本表的编号、群名称、所属部门与状态。验证码：", false, 9);
    text(p, m.code(), true, 9);
  }

  private static void picture(XWPFParagraph p, org.qunbei.approval.SealImage image, int height) {
    try {
      var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.image()));
      int width = img == null ? height : Math.max(1, height * img.getWidth() / img.getHeight());
      picture(p, image.image(), image.contentType(), width, height);
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
