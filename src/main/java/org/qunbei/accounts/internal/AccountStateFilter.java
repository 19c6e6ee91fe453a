package org.qunbei.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.CurrentUsers;
import org.qunbei.system.Messages;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after sign-in on every request, against the account as it is now: a disabled account is
 * signed out at once (its session ends mid-way, not at its next login), and an account holding an
 * initial or reset password may do nothing but choose its own. Placed in both security chains,
 * after authorisation.
 */
class AccountStateFilter extends OncePerRequestFilter {

  private final UserAccounts accounts;
  private final Messages messages;

  AccountStateFilter(UserAccounts accounts, Messages messages) {
    this.accounts = accounts;
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
        problem(request, response, 401, "problem.unauthenticated.title", "account.disabled");
      } else {
        response.sendRedirect(request.getContextPath() + "/login?disabled");
      }
      return;
    }
    if (account.get().mustChangePassword() && !changingPassword(request)) {
      if (api) {
        problem(request, response, 403, "problem.forbidden.title", "password.mustChange");
      } else {
        response.sendRedirect(request.getContextPath() + "/account/password");
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private void problem(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(messages.problemJson(request, status, title, detail));
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
