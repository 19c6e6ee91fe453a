package org.qunbei.accounts.internal;

import org.qunbei.shared.Violations;

/**
 * The password rules of the level-3 assessment (等保三级, the default for Chinese deployments): at
 * least 8 characters, three of the four kinds (lower case, upper case, digits, others), not the
 * username. Every rule a password breaks is named at once.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  static Violations check(String username, String password, String field) {
    var v = new Violations();
    String p = password == null ? "" : password;
    if (p.length() < MIN_LENGTH) {
      v.add(field, "password.tooShort", MIN_LENGTH);
    }
    if (p.length() > MAX_LENGTH) {
      v.add(field, "password.tooLong", MAX_LENGTH);
    }
    int kinds = 0;
    kinds += p.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    kinds += p.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    kinds += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
    kinds += p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (kinds < 3) {
      v.add(field, "password.kinds");
    }
    if (username != null && !p.isEmpty() && p.toLowerCase().contains(username.toLowerCase())) {
      v.add(field, "password.username");
    }
    return v;
  }
}
