package org.qunbei.shared;

/** Input broke one or more rules; carries all of them. Maps to 400. */
public class InvalidInputException extends RuntimeException {

  private final transient Violations violations;

  public InvalidInputException(Violations violations) {
    super("invalid input: " + violations.list().size() + " violation(s)");
    this.violations = violations;
  }

  public static InvalidInputException of(String field, String code, Object... args) {
    return new InvalidInputException(new Violations().add(field, code, args));
  }

  public Violations violations() {
    return violations;
  }
}
