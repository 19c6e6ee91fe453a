package org.qunbei.shared;

/** The same request came again before it may (the applicant urged a step twice in a day). 429. */
public class TooSoonException extends CodedException {

  public TooSoonException(String code, Object... args) {
    super(code, args);
  }
}
