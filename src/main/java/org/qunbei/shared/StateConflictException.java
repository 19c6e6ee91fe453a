package org.qunbei.shared;

/** The thing has moved on (no longer editable, already decided). Maps to 409. */
public class StateConflictException extends CodedException {

  public StateConflictException(String code, Object... args) {
    super(code, args);
  }
}
