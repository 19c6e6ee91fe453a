package org.qunbei.filing;

/** Showing a phone number to someone who may not see it whole. */
public final class Phones {

  private Phones() {}

  /**
   * Keeps the first three and last four digits of a mobile ({@code 138****0001}) and only the last
   * four of anything shorter, so that a masked list still tells two numbers apart.
   */
  public static String mask(String phone) {
    if (phone == null || phone.isBlank()) {
      return phone;
    }
    String p = phone.strip();
    if (p.length() >= 11) {
      return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }
    if (p.length() > 4) {
      return "*".repeat(p.length() - 4) + p.substring(p.length() - 4);
    }
    return "*".repeat(p.length());
  }
}
