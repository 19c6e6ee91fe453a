package org.qunbei.accounts;

/**
 * Someone signed in, failed to, or was locked out; the audit trail records each with the address.
 * {@code username} is what was typed, which need not be an account.
 */
public record SignInRecorded(String username, Outcome outcome, String detail) {

  public enum Outcome {
    SUCCEEDED,
    FAILED,
    LOCKED
  }
}
