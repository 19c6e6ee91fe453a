package org.qunbei.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.qunbei.system.Messages;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt — the login form, or HTTP Basic credentials — for a locked account or
 * from a locked address before the password is even checked (so a locked account cannot be probed,
 * and a flood costs no password hashing). The page is told how long; a script gets a 401 problem.
 */
class SignInGuardFilter extends OncePerRequestFilter {

  private final SignInGuard guard;
  private final Messages messages;

  SignInGuardFilter(SignInGuard guard, Messages messages) {
    this.guard = guard;
    this.messages = messages;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean form = request.getMethod().equals("POST") && path.equals("/login");
    String username = form ? request.getParameter("username") : basicUsername(request);
    if (username == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!form && !guard.basicWithinRate(request.getRemoteAddr())) {
      response.setHeader("Retry-After", "60");
      messages.writeProblem(request, response, 429, "problem.tooSoon.title", "login.basicRate");
      return;
    }
    var locked = guard.locked(username, request.getRemoteAddr());
    if (locked.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
    if (form) {
      response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
      return;
    }
    messages.writeProblem(
        request, response, 401, "problem.unauthenticated.title", "login.locked", minutes);
  }

  /** The username of Basic credentials, or null when there are none (or they are unreadable). */
  static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
