package org.qunbei.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API call that presents {@code Authorization: Bearer qb_…}: a known, unrevoked,
 * unexpired token acts as its user (with the user's current roles and departments); any other
 * bearer value gets 401 at once, never a fall-back to another kind of login.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  /** Set on a request authenticated by a token: tokens may not mint tokens. */
  static final String BY_TOKEN = BearerTokenFilter.class.getName() + ".used";

  private final Tokens tokens;
  private final UserDetailsService users;

  private final org.qunbei.system.Messages messages;

  BearerTokenFilter(Tokens tokens, UserDetailsService users, org.qunbei.system.Messages messages) {
    this.messages = messages;
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    UserDetails user =
        tokens.authenticate(header.substring(7).strip()).map(this::load).orElse(null);
    if (user == null || !user.isEnabled()) {
      refuse(request, response);
      return;
    }
    var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    request.setAttribute(BY_TOKEN, Boolean.TRUE);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private UserDetails load(String username) {
    try {
      return users.loadUserByUsername(username);
    } catch (UsernameNotFoundException e) {
      return null;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"qunbei\", error=\"invalid_token\"");
    messages.writeProblem(
        request, response, 401, "problem.unauthenticated.title", "problem.token.detail");
  }
}
