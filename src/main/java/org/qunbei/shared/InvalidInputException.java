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

  /**
   * An upload refused: the message names the field ({@code label}, a message code) before the
   * reason, so a page that shows only the text still says which upload it was.
   */
  public static InvalidInputException upload(
      String field, String label, String code, Object... args) {
    return of(
        field,
        "upload.refused",
        new org.springframework.context.support.DefaultMessageSourceResolvable(
            new String[] {label}, label),
        new org.springframework.context.support.DefaultMessageSourceResolvable(
            new String[] {code}, args, code));
  }

  public Violations violations() {
    return violations;
  }
}
