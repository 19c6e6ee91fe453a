package org.qunbei.filing;

/**
 * A department reported its filed group dissolved; the report waits at {@link #step}. {@code
 * filing} is the filing as reported, so that whoever tells of it need not read it again.
 */
public record DissolutionReported(FilingReview filing, String actor) {

  public Long filingId() {
    return filing.id();
  }

  public String step() {
    return filing.currentStep();
  }

  public long version() {
    return filing.version();
  }
}
