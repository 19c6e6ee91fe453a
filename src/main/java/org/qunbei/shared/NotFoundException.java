package org.qunbei.shared;

/**
 * Absent, or present but not the caller's to know of: both answer 404 so that ids of other
 * departments' filings cannot be probed.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}
