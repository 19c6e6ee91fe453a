package org.qunbei.registry.jobs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.RegistryQuery;
import org.qunbei.registry.export.RegistryExport;
import org.qunbei.registry.paper.ImportIssue;
import org.qunbei.registry.paper.PaperImport;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.sheet.WorkbookRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Starts the registry's long exports and imports as background jobs and answers for them: their
 * progress, their files and reports, each to its owner only. A job runs on the node that accepted
 * it; what it reports and makes is in the database, so any node can show it, and another node can
 * run it again when that node dies ({@link JobLeases}).
 */
@Service
public class RegistryJobs {

  private static final Logger log = LoggerFactory.getLogger(RegistryJobs.class);

  private final Jobs jobs;
  private final JobFiles files;
  private final JobProgress progress;
  private final RegistryExport export;
  private final PaperImport paperImport;
  private final JobExecutor executor;
  private final org.qunbei.accounts.Directory directory;
  private final org.qunbei.accounts.Users users;
  private final org.qunbei.system.Messages messages;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  RegistryJobs(
      Jobs jobs,
      JobFiles files,
      JobProgress progress,
      RegistryExport export,
      PaperImport paperImport,
      JobExecutor executor,
      org.qunbei.accounts.Directory directory,
      org.qunbei.accounts.Users users,
      org.qunbei.system.Messages messages,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.directory = directory;
    this.users = users;
    this.messages = messages;
    this.jobs = jobs;
    this.files = files;
    this.progress = progress;
    this.export = export;
    this.paperImport = paperImport;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * How many jobs one person may have under way: the queue is shared by the whole school, so one
   * person filling it would hold back the office's import.
   */
  static final int PER_PERSON = 2;

  /** Starts an export of what the list with these filters shows; bad filters are refused now. */
  public RegistryJob startExport(CurrentUser user, Map<String, String> params) {
    RegistryQuery query = RegistryQuery.parse(params);
    limitPerPerson(user);
    RegistryJob job =
        jobs.save(
            RegistryJob.queued(
                JobKind.EXPORT,
                user.username(),
                describe(query),
                ExportRequest.encode(params),
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                export.fileName(),
                clock.instant()));
    long id = job.id();
    accessed(org.qunbei.shared.Accessed.Kind.EXPORT_STARTED, "job " + id + "：" + job.parameters());
    JobRun run = new JobRun(id, job.attempts());
    submit(run, job, () -> runExport(run, user, query));
    return job;
  }

  /**
   * Runs again, on this node, a job whose node died, as its owner is now ({@link JobLeases} has
   * claimed it under a new attempt). An owner no longer able to sign in gets nothing run for them.
   */
  void resume(RegistryJob job) {
    JobRun run = new JobRun(job.id(), job.attempts());
    var owner = users.find(job.owner());
    // An export whose filters were too long to keep cannot be run again as it was asked.
    if (owner.isEmpty() || (job.kind() == JobKind.EXPORT && job.request() == null)) {
      progress.failed(run, messages.text("job.interrupted"));
      return;
    }
    if (job.kind() == JobKind.EXPORT) {
      RegistryQuery query = RegistryQuery.parse(ExportRequest.decode(job.request()));
      submit(run, job, () -> runExport(run, owner.get(), query));
    } else {
      submit(run, job, () -> runImport(run, owner.get()));
    }
  }

  /** The export's filters in words, for its job page: 关键词“…”、状态：已备案. */
  private String describe(RegistryQuery q) {
    var parts = new java.util.ArrayList<String>();
    if (q.text() != null) {
      parts.add(messages.text("job.filter.text", q.text()));
    }
    if (q.department() != null) {
      parts.add(messages.text("job.filter.department", directory.nameOf(q.department())));
    }
    if (q.type() != null) {
      parts.add(messages.text("job.filter.type", messages.label(q.type())));
    }
    if (q.status() != null) {
      parts.add(messages.text("job.filter.status", messages.label(q.status())));
    }
    String d =
        parts.isEmpty()
            ? messages.text("job.filter.all")
            : String.join(messages.text("job.filter.separator"), parts);
    return d.length() > 1000 ? d.substring(0, 1000) : d;
  }

  /**
   * Starts an import of paper-era filings from an uploaded workbook. The file is kept until its job
   * has read it; what is wrong with it is reported by the job, row by row.
   */
  public RegistryJob startImport(CurrentUser user, String fileName, InputStream upload) {
    requireImporter(user);
    limitPerPerson(user);
    Path spooled = null;
    try {
      spooled = Files.createTempFile("qunbei-upload-", ".xlsx");
      try (OutputStream out = Files.newOutputStream(spooled)) {
        upload.transferTo(out);
      }
      checked(fileName, spooled);
      try (InputStream in = Files.newInputStream(spooled)) {
        return queueImport(user, fileName, in);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (spooled != null) {
        spooled.toFile().delete();
      }
    }
  }

  /**
   * A file that is not an .xlsx, or a hostile one (a zip bomb, an XML entity, bytes appended after
   * the archive), is refused now with a 400 naming the upload, and no job is made of it; what is
   * wrong row by row is the job's to report.
   */
  private static void checked(String fileName, Path file) {
    try {
      WorkbookRows.checkName(fileName, false);
      WorkbookRows.check(file);
    } catch (WorkbookRows.BadWorkbook e) {
      throw InvalidInputException.upload(
          "file", "upload.field.paperSheet", e.getMessage(), e.args());
    }
  }

  private RegistryJob queueImport(CurrentUser user, String fileName, InputStream upload) {
    RegistryJob job =
        jobs.save(
            RegistryJob.queued(
                JobKind.IMPORT,
                user.username(),
                null,
                null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                PaperImport.cleanName(fileName),
                clock.instant()));
    long id = job.id();
    JobRun run = new JobRun(id, job.attempts());
    accessed(org.qunbei.shared.Accessed.Kind.IMPORT_STARTED, "job " + id + "：" + job.fileName());
    try {
      files.store(id, JobFiles.INPUT, upload);
    } catch (RuntimeException e) {
      progress.failed(run, messages.text("job.failed.upload"));
      throw e;
    }
    submit(run, job, () -> runImport(run, user));
    return job;
  }

  private void limitPerPerson(CurrentUser user) {
    // A job whose node died is still under way: another node takes it over, or marks it failed.
    long underWay =
        jobs.countByOwnerAndStatusIn(
            user.username(), java.util.List.of(JobStatus.QUEUED, JobStatus.RUNNING));
    if (underWay >= PER_PERSON) {
      throw new org.qunbei.shared.TooSoonException("job.tooMany", PER_PERSON);
    }
  }

  /** Only the cyberspace office and the administrator import paper-era filings. */
  public void requireImporter(CurrentUser user) {
    PaperImport.requireImporter(user);
  }

  public RegistryJob get(CurrentUser user, long id) {
    return jobs.findByIdAndOwner(id, user.username())
        .orElseThrow(() -> new NotFoundException("job.notFound"));
  }

  public List<RegistryJob> recent(CurrentUser user) {
    return jobs.findByOwnerOrderByCreatedAtDesc(user.username(), PageRequest.of(0, 20));
  }

  /** A finished export of the user's, whose workbook can be downloaded; 404 for anything else. */
  public RegistryJob finishedExport(CurrentUser user, long id) {
    RegistryJob job = get(user, id);
    if (job.kind() != JobKind.EXPORT || job.status() != JobStatus.DONE) {
      throw new NotFoundException("job.noFile");
    }
    return job;
  }

  /** The workbook of an export {@link #finishedExport} handed out. */
  public void writeFile(RegistryJob export, OutputStream out) {
    accessed(
        org.qunbei.shared.Accessed.Kind.EXPORT_DOWNLOADED,
        "job " + export.id() + "：" + export.fileName());
    files.copy(export.id(), JobFiles.OUTPUT, out);
  }

  /** The whole registry leaves with an export: who started and who took it is on the record. */
  private void accessed(org.qunbei.shared.Accessed.Kind kind, String detail) {
    events.publishEvent(new org.qunbei.shared.Accessed(kind, null, detail));
  }

  /** An import's report: each bad row, column and reason. */
  public List<ImportIssue> issues(CurrentUser user, long id) {
    return paperImport.issues(get(user, id).id());
  }

  /** Runs the job in the language of whoever started it (its report and workbook read so). */
  private void submit(JobRun run, RegistryJob job, Runnable work) {
    java.util.Locale locale = job.locale();
    try {
      executor.execute(
          run,
          () -> {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
            try {
              work.run();
            } finally {
              org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      files.delete(run.job(), JobFiles.INPUT);
      progress.failed(run, messages.text("job.failed.queueFull"));
    }
  }

  private void runExport(JobRun run, CurrentUser user, RegistryQuery query) {
    long id = run.job();
    Path tmp = null;
    try {
      progress.started(run, export.count(user, query));
      tmp = Files.createTempFile("qunbei-export-", ".xlsx");
      long rows;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        rows = export.write(user, query, out, done -> progress.progressed(run, done));
      }
      // What an earlier run stored before its node died.
      files.delete(id, JobFiles.OUTPUT);
      try (InputStream in = Files.newInputStream(tmp)) {
        files.store(id, JobFiles.OUTPUT, in);
      }
      progress.exported(run, rows);
    } catch (RuntimeException | IOException e) {
      log.error("export job {} failed", id, e);
      progress.failed(run, messages.text("job.failed.export"));
    } finally {
      deleteQuietly(tmp);
    }
  }

  private void runImport(JobRun run, CurrentUser user) {
    try {
      progress.imported(run, paperImport.run(run, user));
    } catch (RuntimeException e) {
      log.error("import job {} failed", run.job(), e);
      progress.failed(run, messages.text("job.failed.import"));
    } finally {
      files.delete(run.job(), JobFiles.INPUT);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        log.warn("could not delete {}", p, e);
      }
    }
  }
}
