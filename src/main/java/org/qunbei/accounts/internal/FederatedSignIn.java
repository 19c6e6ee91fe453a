package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.qunbei.accounts.DirectoryChanged;
import org.qunbei.accounts.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What OIDC and CAS have in common once the identity provider has said who someone is: find the
 * account (by username or staff number, as configured), create an applicant account if the school
 * wants that, refuse a disabled or departed one, and sign the person in with the same principal a
 * password sign-in makes — so every page, check and landing works alike.
 */
@Service
class FederatedSignIn {

  /** Marks a session signed in through the identity provider: no local password rules apply. */
  record Federated(String protocol) implements java.io.Serializable {}

  /** Why someone the identity provider vouched for cannot sign in (a message code). */
  static final class Refused extends RuntimeException {
    Refused(String code) {
      super(code, null, false, false);
    }
  }

  private final UserAccounts accounts;
  private final Departments departments;
  private final AccountDetailsService principals;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final SsoProperties sso;
  private final SignInGuard guard;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  FederatedSignIn(
      UserAccounts accounts,
      Departments departments,
      AccountDetailsService principals,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      SsoProperties sso,
      SignInGuard guard) {
    this.guard = guard;
    this.accounts = accounts;
    this.departments = departments;
    this.principals = principals;
    this.encoder = encoder;
    this.events = events;
    this.sso = sso;
  }

  /**
   * @param key the claim or attribute that names the person
   * @param byStaffNumber whether {@code key} is a staff number (else a username)
   */
  @Transactional
  AccountPrincipal account(
      String protocol, String key, boolean byStaffNumber, String name, String department) {
    if (key == null || key.isBlank()) {
      throw new Refused("sso.noAccountClaim");
    }
    String k = key.strip();
    Optional<UserAccount> found =
        byStaffNumber
            ? accounts.findByStaffNumber(k)
            : accounts.findByUsername(k.toLowerCase(Locale.ROOT));
    UserAccount a = found.orElseGet(() -> created(protocol, k, byStaffNumber, name, department));
    if (!a.enabled()) {
      throw new Refused("account.disabled");
    }
    guard.federated(a.username(), protocol);
    return principals.principalOf(a);
  }

  /** The person is signed in: a new session id (no fixation), the principal in the session. */
  void signIn(
      AccountPrincipal p,
      String protocol,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    var token = UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    token.setDetails(new Federated(protocol));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(token);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  private UserAccount created(
      String protocol, String key, boolean byStaffNumber, String name, String department) {
    String username = key.toLowerCase(Locale.ROOT);
    String dept = department == null ? null : department.strip().toUpperCase(Locale.ROOT);
    if (!sso.createsApplicants()
        || !UserAccount.USERNAME.matcher(username).matches()
        || accounts.findByUsername(username).isPresent()
        || dept == null
        || departments.findByCode(dept).isEmpty()) {
      throw new Refused("sso.unknownStaff");
    }
    var a =
        UserAccount.fromStaffFile(
            username,
            name == null || name.isBlank() ? username : name.strip(),
            dept,
            byStaffNumber ? key : null,
            null,
            encoder.encode(DirectoryAdministration.initialPassword()));
    a.grant(Set.of(Role.APPLICANT));
    accounts.save(a);
    events.publishEvent(
        new DirectoryChanged(
            username, "applicant account created at first " + protocol + " sign-in", "sso"));
    return a;
  }
}
