package org.qunbei.registry.jobs;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A long export or import, run in the background; its progress lives in the database so that any
 * app node can show it. Only its owner sees it.
 */
@Entity
@Table(name = "registry_job")
public class RegistryJob {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private JobKind kind;

  @Enumerated(EnumType.STRING)
  private JobStatus status;

  private String owner;
  private String parameters;
  private String fileName;
  private int totalRows;
  private int doneRows;
  private int importedRows;
  private int skippedRows;
  private int badRows;
  private String message;

  /** The export's filters as a query string, so that another node can run it again. */
  private String request;

  /** The language of whoever started it: the report and the workbook read so. */
  private String locale;

  private int attempts;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant finishedAt;

  protected RegistryJob() {}

  static RegistryJob queued(
      JobKind kind,
      String owner,
      String parameters,
      String request,
      java.util.Locale locale,
      String fileName,
      Instant now) {
    var job = new RegistryJob();
    job.request = request;
    job.locale = locale.toLanguageTag();
    job.attempts = 1;
    job.kind = kind;
    job.status = JobStatus.QUEUED;
    job.owner = owner;
    job.parameters = parameters;
    job.fileName = fileName;
    job.createdAt = now;
    job.updatedAt = now;
    return job;
  }

  /** 0–100, for the progress bar. */
  public int percent() {
    if (status == JobStatus.DONE) {
      return 100;
    }
    return totalRows <= 0 ? 0 : (int) Math.min(99, 100L * doneRows / totalRows);
  }

  public Long id() {
    return id;
  }

  public JobKind kind() {
    return kind;
  }

  public JobStatus status() {
    return status;
  }

  public String owner() {
    return owner;
  }

  public String parameters() {
    return parameters;
  }

  /** What the job said when it finished (a summary, or why it failed). */
  public String message() {
    return message;
  }

  String request() {
    return request;
  }

  java.util.Locale locale() {
    return locale == null
        ? java.util.Locale.SIMPLIFIED_CHINESE
        : java.util.Locale.forLanguageTag(locale);
  }

  int attempts() {
    return attempts;
  }

  public String fileName() {
    return fileName;
  }

  public int totalRows() {
    return totalRows;
  }

  public int doneRows() {
    return doneRows;
  }

  public int importedRows() {
    return importedRows;
  }

  public int skippedRows() {
    return skippedRows;
  }

  public int badRows() {
    return badRows;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
