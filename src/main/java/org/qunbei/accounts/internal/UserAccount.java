package org.qunbei.accounts.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import org.qunbei.accounts.Role;

/** A person who logs in. The password is kept only as an adaptive hash. */
@Entity
@Table(name = "app_user")
public class UserAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;
  private String displayName;
  private String passwordHash;
  private String departmentCode;
  private String email;
  private boolean enabled = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  protected UserAccount() {}

  public UserAccount(
      String username,
      String displayName,
      String passwordHash,
      String departmentCode,
      String email,
      Set<Role> roles) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.departmentCode = departmentCode;
    this.email = email;
    this.roles = EnumSet.copyOf(roles);
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String departmentCode() {
    return departmentCode;
  }

  public String email() {
    return email;
  }

  public boolean enabled() {
    return enabled;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }
}
