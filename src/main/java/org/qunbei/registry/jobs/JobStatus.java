package org.qunbei.registry.jobs;

/** Where a background job stands. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED;

  public boolean isFinished() {
    return this == DONE || this == FAILED;
  }
}
