package org.qunbei.registry.jobs;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A long export or import, run in the background; its progress lives in the database so that any
 * app node can show it. Only its owner sees it.
 */
@Entity
@Table(name = "registry_job")
public class RegistryJob {

  /** A running job that has not reported for this long died with its node. */
  static final Duration SILENCE = Duration.ofMinutes(5);

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
  private Instant createdAt;
  private Instant updatedAt;
  private Instant finishedAt;

  protected RegistryJob() {}

  static RegistryJob queued(
      JobKind kind, String owner, String parameters, String fileName, Instant now) {
    var job = new RegistryJob();
    job.kind = kind;
    job.status = JobStatus.QUEUED;
    job.owner = owner;
    job.parameters = parameters;
    job.fileName = fileName;
    job.createdAt = now;
    job.updatedAt = now;
    return job;
  }

  /** The status as the owner should see it: a job whose node went silent has failed. */
  public JobStatus statusAt(Instant now) {
    if (!status.isFinished() && updatedAt.plus(SILENCE).isBefore(now)) {
      return JobStatus.FAILED;
    }
    return status;
  }

  /** What the job says; null for a job whose node went silent (the page says it was cut off). */
  public String messageAt(Instant now) {
    return statusAt(now) != status ? null : message;
  }

  /** Whether the job's node went silent: reported as failed, interrupted. */
  public boolean interruptedAt(Instant now) {
    return statusAt(now) != status;
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
