package org.qunbei.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.system.Messages;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after sign-in on every request, against the account as it is now: a disabled account is
 * signed out at once (its session ends mid-way, not at its next login); an account holding an
 * initial or reset password, or one the policy says has expired, may do nothing but choose its own;
 * and a session's roles and headships follow the directory at once, so that a role granted or
 * taken, or a department head changed, counts from the next click rather than the next sign-in.
 * Placed in both security chains, before authorisation, so that the fresh roles are the ones
 * checked.
 */
class AccountStateFilter extends OncePerRequestFilter {

  private final UserAccounts accounts;
  private final AccountDetailsService principals;
  private final PasswordPolicy policy;
  private final SecondFactor secondFactor;
  private final Clock clock;
  private final Messages messages;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  AccountStateFilter(
      UserAccounts accounts,
      AccountDetailsService principals,
      PasswordPolicy policy,
      SecondFactor secondFactor,
      Clock clock,
      Messages messages) {
    this.secondFactor = secondFactor;
    this.accounts = accounts;
    this.principals = principals;
    this.policy = policy;
    this.clock = clock;
    this.messages = messages;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<CurrentUser> user = CurrentUsers.current();
    if (user.isEmpty() || free(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserAccount> account = accounts.findByUsername(user.get().username());
    boolean api = request.getRequestURI().startsWith("/api/");
    if (account.isEmpty() || !account.get().enabled()) {
      var session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      if (api) {
        messages.writeProblem(
            request, response, 401, "problem.unauthenticated.title", "account.disabled");
      } else {
        response.sendRedirect(request.getContextPath() + "/login?disabled");
      }
      return;
    }
    follow(account.get(), request, response);
    // A local password's rules do not bind someone the school's identity provider signed in.
    boolean federated =
        SecurityContextHolder.getContext().getAuthentication() != null
            && SecurityContextHolder.getContext().getAuthentication().getDetails()
                instanceof FederatedSignIn.Federated;
    String mustChange = federated ? null : mustChange(account.get());
    if (mustChange != null && !changingPassword(request)) {
      if (api) {
        messages.writeProblem(request, response, 403, "problem.forbidden.title", mustChange);
      } else {
        response.sendRedirect(request.getContextPath() + "/account/password");
      }
      return;
    }
    if (!federated
        && request.getAttribute(BearerTokenFilter.BY_TOKEN) == null
        && !SecondFactor.given(request, account.get().username())
        && !settingUpSecondFactor(request)
        && secondFactor.needed(account.get())) {
      if (api || request.getSession(false) == null) {
        // HTTP Basic or a session without its code: only a token or the sign-in page will do.
        messages.writeProblem(
            request, response, 403, "problem.forbidden.title", "secondFactor.needed");
      } else {
        response.sendRedirect(
            request.getContextPath()
                + (account.get().hasSecondFactor() ? "/login/two-factor" : "/account/two-factor"));
      }
      return;
    }
    chain.doFilter(request, response);
  }

  /** The pages of the second factor itself: entering a code, or setting the app up. */
  private static boolean settingUpSecondFactor(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.startsWith("/login/two-factor") || uri.startsWith("/account/two-factor");
  }

  /** Why the account may do nothing but change its password, or null. */
  private String mustChange(UserAccount a) {
    if (a.mustChangePassword()) {
      return "password.mustChange";
    }
    return policy.expired(a.passwordChangedAt(), clock.instant()) ? "password.expired" : null;
  }

  /** A session's principal rebuilt when the directory changed it; tokens and Basic are fresh. */
  private void follow(UserAccount a, HttpServletRequest request, HttpServletResponse response) {
    var context = SecurityContextHolder.getContext();
    if (request.getSession(false) == null
        || !(context.getAuthentication() instanceof UsernamePasswordAuthenticationToken auth)
        || !(auth.getPrincipal() instanceof AccountPrincipal held)) {
      return;
    }
    AccountPrincipal now = principals.principalOf(a);
    if (now.user().equals(held.user())) {
      return;
    }
    var fresh = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
    fresh.setDetails(auth.getDetails());
    var updated = SecurityContextHolder.createEmptyContext();
    updated.setAuthentication(fresh);
    SecurityContextHolder.setContext(updated);
    sessions.saveContext(updated, request, response);
  }

  /** What any visitor may load: the sign-in page, assets, the public verification page. */
  private static boolean free(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.startsWith("/login")
        || uri.startsWith("/logout")
        || uri.startsWith("/webjars/")
        || uri.startsWith("/css/")
        || uri.startsWith("/js/")
        || uri.startsWith("/favicon")
        || uri.startsWith("/verify")
        || uri.startsWith("/error")
        || uri.startsWith("/actuator/health");
  }

  private static boolean changingPassword(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.equals("/account/password") || uri.equals("/api/me/password");
  }
}
