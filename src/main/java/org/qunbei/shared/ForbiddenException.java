package org.qunbei.shared;

/** The caller may see the thing but may not do this to it. Maps to 403. */
public class ForbiddenException extends CodedException {

  public ForbiddenException(String code) {
    super(code);
  }
}
