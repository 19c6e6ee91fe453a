package org.qunbei.lifecycle.review;

/** A department's answers in a round: what the office watches and reports upward. */
public record DepartmentProgress(
    String departmentCode,
    String departmentName,
    long groups,
    long confirmed,
    long changed,
    long dissolved,
    long unanswered) {

  public long answered() {
    return groups - unanswered;
  }

  /** Per cent answered, for the progress bar. */
  public int percent() {
    return groups == 0 ? 100 : (int) (100 * answered() / groups);
  }
}
