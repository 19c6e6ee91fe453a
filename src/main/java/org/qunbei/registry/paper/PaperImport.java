package org.qunbei.registry.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.Role;
import org.qunbei.filing.FilingOrigin;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.PaperFiling;
import org.qunbei.registry.jobs.JobFiles;
import org.qunbei.registry.jobs.JobProgress;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.Violation;
import org.qunbei.shared.sheet.WorkbookRows;
import org.qunbei.system.Messages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports filings made on paper before Qunbei from a filled-in template. Every row is read and
 * checked first — cells, then the same rules as an online submission — and only then are the good
 * rows filed, all in one transaction; a file that cannot be read imports nothing. A row whose paper
 * number an earlier import already brought is skipped, so the same file (or a corrected one) can be
 * imported again without duplicates.
 */
@Component
public class PaperImport {

  static final int MAX_ROWS = 5000;

  /** A report longer than this helps nobody; the count of the rest is given instead. */
  static final int MAX_ISSUES = 2000;

  private final JobFiles files;
  private final JobProgress progress;
  private final FilingService filings;
  private final Directory directory;
  private final Messages messages;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  PaperImport(
      JobFiles files,
      JobProgress progress,
      FilingService filings,
      Directory directory,
      Messages messages,
      JdbcTemplate jdbc,
      Clock clock) {
    this.files = files;
    this.progress = progress;
    this.filings = filings;
    this.directory = directory;
    this.messages = messages;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public static void requireImporter(CurrentUser user) {
    if (!user.has(Role.CYBERSPACE_OFFICE)) {
      throw new ForbiddenException("registry.import.forbidden");
    }
  }

  public static String cleanName(String name) {
    String n = name == null ? "" : name.replaceAll(".*[/\\\\]", "").strip();
    if (n.isEmpty()) {
      n = "import.xlsx";
    }
    // Cleaned after the cut, which may halve a UTF-16 pair.
    return org.qunbei.shared.Text.cleaned(n.length() > 200 ? n.substring(n.length() - 200) : n)
        .strip();
  }

  public ImportSummary run(org.qunbei.registry.jobs.JobRun run, CurrentUser user) {
    long job = run.job();
    Path tmp = null;
    try {
      tmp = Files.createTempFile("qunbei-import-", ".xlsx");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        files.copy(job, JobFiles.INPUT, out);
      }
      return run(run, user, tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
  }

  private ImportSummary run(org.qunbei.registry.jobs.JobRun run, CurrentUser user, Path file) {
    long job = run.job();
    List<ImportIssue> issues = new ArrayList<>();
    Sheet sheet = new Sheet(new CellParser(messages, issues));
    try {
      WorkbookRows.read(file, MAX_ROWS, sheet::row);
      sheet.requireHeaders();
    } catch (WorkbookRows.BadWorkbook e) {
      String m = messages.text(e.getMessage(), e.args());
      save(job, List.of(new ImportIssue(0, null, m)));
      return new ImportSummary(0, 0, 0, true, m);
    }
    progress.started(run, sheet.rows.size());
    List<PaperFiling> good = new ArrayList<>();
    int skipped = 0;
    int bad = 0;
    int done = 0;
    for (Sheet.Line line : sheet.rows) {
      int before = issues.size();
      Outcome outcome = check(line, sheet, issues);
      if (outcome == Outcome.SKIP) {
        skipped++;
      } else if (outcome == Outcome.GOOD && line.cellIssues() == 0 && issues.size() == before) {
        good.add(line.row().toPaper());
      } else {
        bad++;
      }
      if (++done % 100 == 0) {
        progress.progressed(run, done);
      }
    }
    if (!good.isEmpty()) {
      try {
        filings.importPaper(user, good);
      } catch (InvalidInputException e) {
        // Another import filed some of these numbers or groups since they were checked.
        String m = messages.text("import.changedMeanwhile");
        save(job, List.of(new ImportIssue(0, null, m)));
        return new ImportSummary(0, 0, 0, true, m);
      }
    }
    save(job, issues);
    return new ImportSummary(good.size(), skipped, bad, false, summary(good.size(), skipped, bad));
  }

  private enum Outcome {
    GOOD,
    BAD,
    SKIP
  }

  private Outcome check(Sheet.Line line, Sheet sheet, List<ImportIssue> issues) {
    PaperRow row = line.row();
    CellParser p = sheet.parser;
    int n = line.number();
    if (row.number == null) {
      p.at(n, PaperColumns.NUMBER);
      p.problem(messages.text("import.row.numberRequired"));
      return Outcome.BAD;
    }
    p.at(n, PaperColumns.NUMBER);
    if (row.number.length() > 30) {
      p.problem(messages.text("import.row.numberTooLong", 30));
      return Outcome.BAD;
    }
    Integer first = sheet.firstLineOf.putIfAbsent(row.number, n);
    if (first != null) {
      p.problem(messages.text("import.row.numberDuplicate", first));
      return Outcome.BAD;
    }
    var holder = filings.numberHolder(row.number);
    if (holder.isPresent()) {
      if (holder.get() == FilingOrigin.PAPER) {
        return Outcome.SKIP;
      }
      p.problem(messages.text("import.row.numberOnline", row.number));
      return Outcome.BAD;
    }
    p.at(n, PaperColumns.FILLED_ON);
    if (row.filledOn == null && !line.unreadable().contains(PaperColumns.FILLED_ON)) {
      p.problem(messages.text("import.row.filledOnRequired"));
    } else if (row.filledOn != null && row.filledOn.isAfter(LocalDate.now(clock))) {
      p.problem(messages.text("import.row.filledOnFuture"));
    }
    row.content.departmentCode = departmentCode(sheet, row.content.departmentCode);
    PaperFiling paper = row.toPaper();
    for (Violation v : filings.checkPaper(paper).list()) {
      issues.add(new ImportIssue(n, PaperColumns.headerOf(v.field(), row), messages.text(v)));
    }
    String group = paper.content().groupType() + "/" + paper.content().groupNumber();
    if (paper.content().groupNumber() != null && !paper.content().groupNumber().isBlank()) {
      Integer holderLine = sheet.firstLineOfGroup.putIfAbsent(group, n);
      if (holderLine != null) {
        p.at(n, PaperColumns.GROUP_NUMBER);
        p.problem(messages.text("import.row.sameGroup", holderLine));
      }
    }
    return Outcome.GOOD;
  }

  /** A department may be given by its code or by its name; the directory is read once. */
  private String departmentCode(Sheet sheet, String given) {
    if (given == null) {
      return null;
    }
    if (sheet.departments == null) {
      sheet.departments = new HashMap<>();
      for (var d : directory.all()) {
        sheet.departments.put(d.code().toUpperCase(java.util.Locale.ROOT), d.code());
        sheet.departments.put(d.name(), d.code());
      }
    }
    String code = sheet.departments.get(given);
    return code != null
        ? code
        : sheet.departments.getOrDefault(given.toUpperCase(java.util.Locale.ROOT), given);
  }

  private String summary(int imported, int skipped, int bad) {
    var b = new StringBuilder(messages.text("import.summary.imported", imported));
    if (skipped > 0) {
      b.append(messages.text("import.summary.skipped", skipped));
    }
    if (bad > 0) {
      b.append(messages.text("import.summary.bad", bad));
    }
    return b.append(messages.text("import.summary.end")).toString();
  }

  private void save(long job, List<ImportIssue> issues) {
    // A run taken over from a node that died may have saved its report already.
    jdbc.update("delete from registry_job_issue where job_id = ?", job);
    List<ImportIssue> kept = issues.size() > MAX_ISSUES ? issues.subList(0, MAX_ISSUES) : issues;
    List<Object[]> args = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      ImportIssue issue = kept.get(i);
      args.add(new Object[] {job, i, issue.line(), issue.column(), cut(issue.message())});
    }
    if (issues.size() > MAX_ISSUES) {
      args.add(
          new Object[] {
            job, MAX_ISSUES, 0, null, messages.text("import.moreIssues", issues.size() - MAX_ISSUES)
          });
    }
    jdbc.batchUpdate(
        "insert into registry_job_issue (job_id, seq, line_no, column_name, message)"
            + " values (?, ?, ?, ?, ?)",
        args);
  }

  private static String cut(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  public List<ImportIssue> issues(long job) {
    return jdbc.query(
        "select line_no, column_name, message from registry_job_issue where job_id = ? order by seq",
        (rs, i) -> new ImportIssue(rs.getInt(1), rs.getString(2), rs.getString(3)),
        job);
  }

  /** The sheet as read: its header row, then its data rows as import rows. */
  private static final class Sheet {
    /**
     * A data row as read, with how many of its cells could not be read (such a row is never
     * imported, even where the rules would not miss the cell) and which columns those were.
     */
    record Line(int number, PaperRow row, int cellIssues, java.util.Set<String> unreadable) {}

    final CellParser parser;
    final List<Line> rows = new ArrayList<>();
    final Map<String, Integer> firstLineOf = new HashMap<>();
    final Map<String, Integer> firstLineOfGroup = new HashMap<>();
    Map<String, String> departments;
    private PaperColumns.Column[] columns;

    Sheet(CellParser parser) {
      this.parser = parser;
    }

    void row(WorkbookRows.Row r) {
      if (columns == null) {
        if (!r.isBlank()) {
          header(r);
        }
        return;
      }
      if (r.isBlank()) {
        return;
      }
      PaperRow row = new PaperRow();
      int before = parser.issueCount();
      for (int i = 0; i < columns.length && i < r.cells().length; i++) {
        PaperColumns.Column c = columns[i];
        String value = r.cell(i);
        if (c == null) {
          continue;
        }
        parser.at(r.line(), c.header());
        if (r.formulas().get(i)) {
          parser.problemCode("import.row.formula");
          continue;
        }
        if (value == null || value.isBlank()) {
          continue;
        }
        c.setter().set(row, value.strip(), parser);
      }
      rows.add(
          new Line(
              r.line(), row, parser.issueCount() - before, parser.columnsWithIssuesSince(before)));
    }

    private void header(WorkbookRows.Row r) {
      Map<String, PaperColumns.Column> byHeader = new HashMap<>();
      PaperColumns.ALL.forEach(c -> byHeader.put(PaperColumns.normalHeader(c.header()), c));
      columns = new PaperColumns.Column[r.cells().length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = byHeader.get(PaperColumns.normalHeader(r.cell(i)));
      }
    }

    void requireHeaders() {
      if (columns == null) {
        throw new WorkbookRows.BadWorkbook("import.bad.emptySheet");
      }
      var present = java.util.Arrays.stream(columns).filter(c -> c != null).toList();
      List<String> missing =
          PaperColumns.ALL.stream()
              .filter(c -> c.required() && !present.contains(c))
              .map(PaperColumns.Column::header)
              .toList();
      if (!missing.isEmpty()) {
        throw new WorkbookRows.BadWorkbook(
            "import.bad.missingColumns", String.join(PaperColumns.LIST_SEPARATOR, missing));
      }
      if (rows.isEmpty()) {
        throw new WorkbookRows.BadWorkbook("import.bad.noRows");
      }
    }
  }
}
