package org.qunbei.shared;

/** The thing has moved on (no longer editable, already decided). Maps to 409. */
public class StateConflictException extends RuntimeException {

  private final String code;
  private final transient Object[] args;

  public StateConflictException(String code, Object... args) {
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
