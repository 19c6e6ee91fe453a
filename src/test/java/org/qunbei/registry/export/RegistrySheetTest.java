package org.qunbei.registry.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The hand-written workbook, read back by POI as Excel would read it. */
class RegistrySheetTest {

  @Test
  void cellsReadBackAsWrittenAndFormulaLikeTextStaysText() throws Exception {
    var out = new ByteArrayOutputStream();
    var sheet =
        new RegistrySheet(out, "备案台账", List.of("名称", "人数", "日期", "时间"), new int[] {20, 8, 12, 16});
    sheet
        .line()
        .text("=HYPERLINK(\"http://x\",\"点我\")")
        .number(86)
        .date(LocalDate.of(2027, 7, 15))
        .dateTime(LocalDateTime.of(2026, 11, 26, 9, 30));
    sheet.line().text("a<b & \"c\"\u0001\u0007 end ").number(null).date(null).dateTime(null);
    sheet.line().text("-1").text("@SUM(A1)").text("+1").text("普通文字");
    sheet.finish();

    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      var s = wb.getSheet("备案台账");
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
      assertThat(s.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
      var formulaLike = s.getRow(1).getCell(0);
      assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
      assertThat(formulaLike.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点我\")");
      assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(86);
      assertThat(s.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2027, 7, 15));
      assertThat(s.getRow(1).getCell(2).getCellStyle().getDataFormatString())
          .isEqualTo("yyyy-mm-dd");
      assertThat(s.getRow(1).getCell(3).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 30));
      // Markup is escaped, characters XML cannot carry are dropped, spaces kept.
      assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("a<b & \"c\" end ");
      assertThat(s.getRow(2).getCell(1)).isNull();
      for (int c = 0; c < 3; c++) {
        assertThat(s.getRow(3).getCell(c).getCellStyle().getQuotePrefixed()).isTrue();
      }
      assertThat(s.getRow(3).getCell(3).getCellStyle().getQuotePrefixed()).isFalse();
      assertThat(s.getPaneInformation().isFreezePane()).isTrue();
    }
  }

  @Test
  void everyCharacterArrivesWholeAcrossTheWritersBuffer() throws Exception {
    // Two-, three- and four-byte characters, 45 KB a cell (Excel holds 32,767 characters a cell):
    // the 64 KiB buffer fills in the middle of one of them.
    var random = new java.util.Random(7);
    String[] pieces = {"é", "©", "中", "文", "😀", "a", "<"};
    var text = new StringBuilder();
    while (text.length() < 20_000) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    String mixed = text.toString();
    var out = new ByteArrayOutputStream();
    var sheet = new RegistrySheet(out, "台账", List.of("一", "二", "三"), new int[] {20, 20, 20});
    sheet.line().text(mixed).text(mixed + "b").text("c" + mixed);
    sheet.line().text("半个\uD83D代理");
    sheet.finish();

    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      var s = wb.getSheet("台账");
      assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo(mixed);
      assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo(mixed + "b");
      assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("c" + mixed);
      // Half a surrogate pair is no character: it arrives as "?", the rest as written.
      assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("半个?代理");
    }
  }

  @Test
  void columnsAreNamedAsInExcel() {
    assertThat(RegistrySheet.columnName(0)).isEqualTo("A");
    assertThat(RegistrySheet.columnName(25)).isEqualTo("Z");
    assertThat(RegistrySheet.columnName(26)).isEqualTo("AA");
    assertThat(RegistrySheet.columnName(51)).isEqualTo("AZ");
    assertThat(RegistrySheet.columnName(702)).isEqualTo("AAA");
  }
}
