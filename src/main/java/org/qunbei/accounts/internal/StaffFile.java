package org.qunbei.accounts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.shared.sheet.WorkbookRows;

/**
 * The school's staff export as HR writes it (.xlsx or .csv): a header row naming the columns, in
 * any order and under the names HR systems use, then one person a row. 工号, 姓名 and 部门代码 are
 * required; 部门名称 makes an unknown department; 用户名 defaults to the staff number.
 */
final class StaffFile {

  /** A school's whole staff fits many times over; beyond it the file is not a staff export. */
  static final int MAX_ROWS = 50_000;

  enum Column {
    STAFF_NUMBER(true, "工号", "职工号", "教工号", "人员编号", "staffNumber"),
    NAME(true, "姓名", "name"),
    DEPARTMENT(true, "部门代码", "单位代码", "部门编号", "department"),
    DEPARTMENT_NAME(false, "部门名称", "单位名称", "departmentName"),
    USERNAME(false, "用户名", "账号", "username"),
    EMAIL(false, "邮箱", "电子邮箱", "电子邮件", "email");

    final boolean required;
    final List<String> names;

    Column(boolean required, String... names) {
      this.required = required;
      this.names = List.of(names);
    }

    String label() {
      return names.get(0);
    }
  }

  /** One person as the file gives them; blank cells are null, text is trimmed. */
  record Row(
      int line,
      String staffNumber,
      String name,
      String department,
      String departmentName,
      String username,
      String email) {}

  private StaffFile() {}

  /**
   * The people of the file; a missing column refuses the whole file, before any row is looked at.
   */
  static List<Row> read(Path file) {
    var rows = new ArrayList<Row>();
    Map<Column, Integer> at = new LinkedHashMap<>();
    WorkbookRows.readAny(
        file,
        MAX_ROWS,
        r -> {
          if (r.isBlank()) {
            return;
          }
          if (at.isEmpty()) {
            header(r, at);
            return;
          }
          rows.add(
              new Row(
                  r.line(),
                  cell(r, at, Column.STAFF_NUMBER),
                  cell(r, at, Column.NAME),
                  upper(cell(r, at, Column.DEPARTMENT)),
                  cell(r, at, Column.DEPARTMENT_NAME),
                  lower(cell(r, at, Column.USERNAME)),
                  cell(r, at, Column.EMAIL)));
        });
    if (at.isEmpty()) {
      throw new WorkbookRows.BadWorkbook("import.bad.emptySheet");
    }
    if (rows.isEmpty()) {
      throw new WorkbookRows.BadWorkbook("import.bad.noRows");
    }
    return rows;
  }

  private static void header(WorkbookRows.Row r, Map<Column, Integer> at) {
    for (int i = 0; i < r.cells().length; i++) {
      String name = r.cell(i) == null ? "" : r.cell(i).strip();
      for (Column c : Column.values()) {
        if (c.names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
          at.putIfAbsent(c, i);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column c : Column.values()) {
      if (c.required && !at.containsKey(c)) {
        missing.add(c.label());
      }
    }
    if (!missing.isEmpty()) {
      throw new WorkbookRows.BadWorkbook("staff.bad.missingColumns", String.join("、", missing));
    }
  }

  private static String cell(WorkbookRows.Row r, Map<Column, Integer> at, Column c) {
    Integer i = at.get(c);
    String v = i == null ? null : r.cell(i);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }
}
