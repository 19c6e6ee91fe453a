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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.qunbei.accounts.Role;

/** A person who logs in. The password is kept only as an adaptive hash. */
@Entity
@Table(name = "app_user")
public class UserAccount {

  /**
   * Lower-case letters, digits and . _ -; the staff number is how people sign in at many schools
   * (统一身份认证), so a username may start with a digit.
   */
  static final java.util.regex.Pattern USERNAME =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");

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

  /** No longer on the school's staff file: signed out for good, kept for the record. */
  private boolean departed;

  private java.time.LocalDate departedOn;

  /**
   * The shared secret of the person's authenticator app (null: no second factor), encrypted at
   * rest: whoever reads the database must not be able to compute the codes.
   */
  @jakarta.persistence.Convert(converter = org.qunbei.shared.crypto.Encrypted.class)
  private String totpSecret;

  private long totpLastStep;

  /** Hashes of the person's own earlier passwords, newest first, as many as the policy keeps. */
  @ElementCollection
  @CollectionTable(name = "password_history", joinColumns = @JoinColumn(name = "user_id"))
  @OrderColumn(name = "seq")
  @Column(name = "password_hash")
  private List<String> earlierHashes = new ArrayList<>();

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

  /**
   * A person HR's staff file brings: no role yet, and a password nobody knows — they sign in
   * through the school's identity provider, or choose one after an administrator's reset.
   */
  static UserAccount fromStaffFile(
      String username,
      String name,
      String department,
      String staffNumber,
      String email,
      String unknownHash) {
    var a = new UserAccount(username, name, unknownHash, department, email, Set.of());
    a.staffNumber = staffNumber;
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

  /**
   * A password of the person's own choosing; the one it replaces is remembered (when it was their
   * own, not a one-time password) so that the last {@code keep} + 1 cannot be chosen again.
   */
  void changePassword(String hash, java.time.Instant at, int keep) {
    remember(keep);
    this.passwordHash = hash;
    this.mustChangePassword = false;
    this.passwordChangedAt = at;
  }

  /** A one-time password from the administrator, to be changed at the next sign-in. */
  void resetPassword(String hash, int keep) {
    remember(keep);
    this.passwordHash = hash;
    this.mustChangePassword = true;
  }

  /** Whether the candidate is the current password or one of the remembered ones. */
  boolean usedBefore(Predicate<String> matchesHash) {
    return (!mustChangePassword && matchesHash.test(passwordHash))
        || earlierHashes.stream().anyMatch(matchesHash);
  }

  public java.time.Instant passwordChangedAt() {
    return passwordChangedAt;
  }

  private void remember(int keep) {
    if (!mustChangePassword && passwordHash != null && keep > 0) {
      earlierHashes.add(0, passwordHash);
    }
    while (earlierHashes.size() > Math.max(keep, 0)) {
      earlierHashes.remove(earlierHashes.size() - 1);
    }
  }

  /** A password set when the account is made counts from then for the 90-day rotation. */
  @PrePersist
  void passwordClock() {
    if (passwordChangedAt == null) {
      passwordChangedAt = java.time.Instant.now();
    }
  }

  /** Who HR says the person is; a returning leaver is enabled again. */
  void describeFromStaffFile(String name, String department, String staffNumber, String email) {
    boolean returning = departed;
    describe(name, department, staffNumber, email, enabled || returning);
    if (returning) {
      this.departed = false;
      this.departedOn = null;
    }
  }

  /** Left the school: the account can no longer sign in; its filings and history stay. */
  void depart(java.time.LocalDate on) {
    this.departed = true;
    this.departedOn = on;
    this.enabled = false;
  }

  public boolean hasSecondFactor() {
    return totpSecret != null;
  }

  /** The app is set up: its first code proved it, and that code is spent. */
  void enrollSecondFactor(String secret, long step) {
    this.totpSecret = secret;
    this.totpLastStep = step;
  }

  /** A code of the person's app, good once (a later step than any used before). */
  boolean acceptSecondFactor(String code, java.time.Instant now) {
    var step = Totp.verify(totpSecret, code, now.getEpochSecond(), totpLastStep);
    step.ifPresent(s -> totpLastStep = s);
    return step.isPresent();
  }

  void dropSecondFactor() {
    this.totpSecret = null;
    this.totpLastStep = 0;
  }

  public boolean departed() {
    return departed;
  }

  public java.time.LocalDate departedOn() {
    return departedOn;
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
