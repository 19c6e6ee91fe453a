package org.qunbei.shared;

/**
 * A refusal that the edge words for the reader: a message code of messages.properties and its
 * arguments, resolved in the reader's language when the answer is written.
 */
public abstract class CodedException extends RuntimeException {

  private final String code;
  private final transient Object[] args;

  protected CodedException(String code, Object... args) {
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
