package org.qunbei.shared;

/** The same request came again before it may (the applicant urged a step twice in a day). 429. */
public class TooSoonException extends RuntimeException {

  private final String code;
  private final transient Object[] args;

  public TooSoonException(String code, Object... args) {
    super(code);
    this.code = code;
    this.args = args;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }
}
