package org.qunbei.filing;

/**
 * A filing entered review (first submission or a resubmission after a return). {@code filing} is
 * the filing as submitted, so that whoever tells of it need not read it again.
 */
public record FilingSubmitted(FilingReview filing, String actor) {

  public Long filingId() {
    return filing.id();
  }

  public String number() {
    return filing.number();
  }

  public String departmentCode() {
    return filing.departmentCode();
  }

  /** The step the filing waits at now: the chain's first. */
  public String step() {
    return filing.currentStep();
  }

  public long version() {
    return filing.version();
  }
}
