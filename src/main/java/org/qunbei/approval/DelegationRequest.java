package org.qunbei.approval;

/**
 * {@code POST /api/me/delegations}: the colleague's login and the school days, "YYYY-MM-DD", both
 * inclusive. Dates are read as text so that a malformed one is refused naming its own field.
 */
public record DelegationRequest(String delegate, String from, String to) {

  /** A delegation longer than this is a change of who holds the office, not an absence. */
  public static final int MAX_DAYS = 366;
}
