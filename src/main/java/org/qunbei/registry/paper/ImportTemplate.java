package org.qunbei.registry.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The workbook a clerk fills in to import paper-era filings: one sheet with the columns (required
 * ones marked * and coloured, every cell formatted as text so that Excel keeps numbers and dates as
 * typed, drop-down lists for the form's choices) and one with a line of help and an example for
 * each column. It is made from {@link PaperColumns}, so it always matches what the import reads.
 */
@Component
public class ImportTemplate {

  public static final String FILE_NAME = "纸质备案导入模板.xlsx";

  private static final List<String> EXAMPLE =
      List.of(
          "纸-2021-036",
          "2021-03-15",
          "CS",
          "微信群",
          "",
          "计算机学院教学工作群",
          "",
          "2019-09-01",
          "120",
          "本单位内部人员",
          "",
          "本院专任教师与教学秘书",
          "日常工作沟通、信息传达",
          "",
          "长期存续",
          "",
          "",
          "否",
          "王建国",
          "副院长",
          "010-62780001",
          "13801010001",
          "全面负责",
          "李晓梅",
          "教学秘书",
          "010-62780002",
          "13801010002",
          "成员准入审核、日常通知发布",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "可发布教学通知；禁止涉密信息、广告、不实信息。",
          "仅限本院教职工，由管理员邀请入群。",
          "离职人员当日移出。",
          "是",
          "3年",
          "李晓梅",
          "每学期导出聊天记录存档",
          "",
          "发现不良信息立即删除并报告学院党委。",
          "是");

  public void write(OutputStream out) throws IOException {
    try (var wb = new XSSFWorkbook()) {
      XSSFSheet data = wb.createSheet("纸质备案");
      XSSFSheet help = wb.createSheet("填写说明");
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle required = headerStyle(wb, IndexedColors.LIGHT_ORANGE);
      CellStyle optional = headerStyle(wb, IndexedColors.GREY_25_PERCENT);
      var head = data.createRow(0);
      var helpHead = help.createRow(0);
      String[] helpHeaders = {"列名", "是否必填", "填写说明", "示例"};
      for (int i = 0; i < helpHeaders.length; i++) {
        helpHead.createCell(i).setCellValue(helpHeaders[i]);
        helpHead.getCell(i).setCellStyle(optional);
      }
      for (int i = 0; i < PaperColumns.ALL.size(); i++) {
        PaperColumns.Column c = PaperColumns.ALL.get(i);
        var cell = head.createCell(i);
        cell.setCellValue(c.required() ? c.header() + "*" : c.header());
        cell.setCellStyle(c.required() ? required : optional);
        data.setColumnWidth(i, Math.max(10, c.header().length() * 2 + 4) * 256);
        data.setDefaultColumnStyle(i, text);
        var line = help.createRow(i + 1);
        line.createCell(0).setCellValue(c.header());
        line.createCell(1).setCellValue(c.required() ? "必填" : "按条件填写");
        line.createCell(2).setCellValue(c.help());
        line.createCell(3).setCellValue(i < EXAMPLE.size() ? EXAMPLE.get(i) : "");
      }
      help.setColumnWidth(0, 20 * 256);
      help.setColumnWidth(1, 12 * 256);
      help.setColumnWidth(2, 70 * 256);
      help.setColumnWidth(3, 40 * 256);
      data.createFreezePane(1, 1);
      dropDown(data, "群类型", "微信群", "QQ群", "企业微信工作群", "钉钉群", "其他工作沟通群");
      dropDown(data, "预计存续期限", "长期存续", "短期（到期前解散）", "专项工作结束后解散", "其他");
      for (String yesNo : List.of("涉密工作", "信息留存", "备案承诺已签署")) {
        dropDown(data, yesNo, "是", "否");
      }
      wb.write(out);
    }
  }

  private static CellStyle headerStyle(XSSFWorkbook wb, IndexedColors colour) {
    CellStyle s = wb.createCellStyle();
    Font bold = wb.createFont();
    bold.setBold(true);
    s.setFont(bold);
    s.setFillForegroundColor(colour.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return s;
  }

  private static void dropDown(XSSFSheet sheet, String header, String... values) {
    int column = -1;
    for (int i = 0; i < PaperColumns.ALL.size(); i++) {
      if (PaperColumns.ALL.get(i).header().equals(header)) {
        column = i;
      }
    }
    DataValidationHelper h = sheet.getDataValidationHelper();
    var validation =
        h.createValidation(
            h.createExplicitListConstraint(values),
            new CellRangeAddressList(1, PaperImport.MAX_ROWS, column, column));
    validation.setShowErrorBox(true);
    validation.createErrorBox("请从列表中选择", "可填：" + String.join("、", values));
    sheet.addValidationData(validation);
  }
}
