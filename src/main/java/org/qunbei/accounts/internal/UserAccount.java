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
  private String staffNumber;

  /** An initial or reset password: usable once, to sign in and choose one's own. */
  private boolean mustChangePassword;

  private java.time.Instant passwordChangedAt;

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
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
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

  /** A new account of the console, with an initial password that must be changed. */
  static UserAccount created(
      String username,
      String name,
      String department,
      String staffNumber,
      String email,
      String initialHash) {
    var a = new UserAccount(username, name, initialHash, department, email, Set.of());
    a.staffNumber = staffNumber;
    a.mustChangePassword = true;
    return a;
  }

  /** The system administrator's edit of who the person is; enabled false signs them out. */
  void describe(String name, String department, String staffNumber, String email, boolean on) {
    this.displayName = name;
    this.departmentCode = department;
    this.staffNumber = staffNumber;
    this.email = email;
    this.enabled = on;
  }

  /** A password of the person's own choosing. */
  void changePassword(String hash, java.time.Instant at) {
    this.passwordHash = hash;
    this.mustChangePassword = false;
    this.passwordChangedAt = at;
  }

  /** A one-time password from the administrator, to be changed at the next sign-in. */
  void resetPassword(String hash) {
    this.passwordHash = hash;
    this.mustChangePassword = true;
  }

  public String staffNumber() {
    return staffNumber;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** The roles the security administrator granted, in place of the ones held. */
  void grant(Set<Role> granted) {
    roles.clear();
    roles.addAll(granted);
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }
}
