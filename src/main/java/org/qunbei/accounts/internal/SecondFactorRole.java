package org.qunbei.accounts.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.qunbei.accounts.Role;

/** A role whose holders must sign in with a second factor (the security administrator's rule). */
@Entity
@Table(name = "second_factor_role")
class SecondFactorRole {

  @Id
  @Enumerated(EnumType.STRING)
  private Role role;

  protected SecondFactorRole() {}

  SecondFactorRole(Role role) {
    this.role = role;
  }

  Role role() {
    return role;
  }
}
