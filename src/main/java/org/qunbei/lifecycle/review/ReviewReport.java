package org.qunbei.lifecycle.review;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Component;

/**
 * The round's report as the office sends it up: per department, the groups at the start, how many
 * were confirmed, changed, dissolved, and how many are unanswered, with a total line. One line per
 * department, so a workbook in memory is small.
 */
@Component
public class ReviewReport {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Messages messages;

  ReviewReport(Messages messages) {
    this.messages = messages;
  }

  public void write(ReviewRound round, List<DepartmentProgress> progress, OutputStream out)
      throws IOException {
    try (var wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet(messages.text("review.report.sheet"));
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue(round.title());
      title.createCell(1).setCellValue(messages.text("review.deadline", round.deadline()));
      String[] headers = {
        "review.col.department",
        "review.col.groups",
        "review.col.confirmed",
        "review.col.changed",
        "review.col.dissolved",
        "review.col.unanswered"
      };
      Row head = sheet.createRow(2);
      for (int i = 0; i < headers.length; i++) {
        head.createCell(i).setCellValue(messages.text(headers[i]));
      }
      long[] total = new long[5];
      int r = 3;
      for (DepartmentProgress p : progress) {
        long[] n = {p.groups(), p.confirmed(), p.changed(), p.dissolved(), p.unanswered()};
        line(sheet.createRow(r++), p.departmentName(), n);
        for (int i = 0; i < n.length; i++) {
          total[i] += n[i];
        }
      }
      line(sheet.createRow(r), messages.text("review.total"), total);
      sheet.setColumnWidth(0, 24 * 256);
      wb.write(out);
    }
  }

  private static void line(Row row, String name, long[] n) {
    row.createCell(0).setCellValue(name);
    for (int i = 0; i < n.length; i++) {
      row.createCell(i + 1).setCellValue(n[i]);
    }
  }
}
