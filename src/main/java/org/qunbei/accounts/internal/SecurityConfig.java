package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Two chains: the JSON API (a personal access token, HTTP Basic or the browser session — a write
 * through the session needs the CSRF token —, and 401 instead of a login redirect) and the pages
 * (form login or the school's identity provider, CSRF on). Both send the same security headers.
 */
@Configuration
class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder(@Value("${qunbei.security.password-hash-cost}") int cost) {
    return PasswordHashing.encoder(cost);
  }

  /**
   * Passwords checked before the account's state: Spring's default tells "disabled" to anyone who
   * names a disabled account, whatever the password — a guesser would learn who exists and who
   * left. Here only the right password hears that the account is disabled; a wrong one is just
   * wrong (and counts towards the lockout) for every account, existing or not.
   */
  @Bean
  org.springframework.security.authentication.dao.DaoAuthenticationProvider authenticationProvider(
      org.springframework.security.core.userdetails.UserDetailsService users,
      PasswordEncoder encoder) {
    var provider =
        new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(encoder);
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(
        user -> {
          if (!user.isAccountNonLocked()) {
            throw new org.springframework.security.authentication.LockedException("locked");
          }
          if (!user.isEnabled()) {
            throw new org.springframework.security.authentication.DisabledException("disabled");
          }
          if (!user.isAccountNonExpired()) {
            throw new org.springframework.security.authentication.AccountExpiredException(
                "expired");
          }
        });
    return provider;
  }

  /**
   * The session cookie, the same in every environment (Boot applies {@code
   * server.servlet.session.cookie.*} to Spring Session only with an embedded server): {@code
   * JSESSIONID}, {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when the request came over
   * HTTPS.
   */
  @Bean
  org.springframework.session.web.http.CookieSerializer sessionCookie() {
    var cookie = new org.springframework.session.web.http.DefaultCookieSerializer();
    cookie.setCookieName("JSESSIONID");
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    cookie.setCookiePath("/");
    return cookie;
  }

  /** One instance in both chains; never registered as a servlet filter of its own. */
  @Bean
  AccountStateFilter accountStateFilter(
      UserAccounts accounts,
      AccountDetailsService principals,
      PasswordPolicy policy,
      SecondFactor secondFactor,
      java.time.Clock clock,
      org.qunbei.system.Messages messages) {
    return new AccountStateFilter(accounts, principals, policy, secondFactor, clock, messages);
  }

  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<AccountStateFilter>
      accountStateOutsideChains(AccountStateFilter filter) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      Tokens tokens,
      org.springframework.security.core.userdetails.UserDetailsService users,
      AccountStateFilter accountState,
      SignInGuard guard,
      org.qunbei.system.Messages messages)
      throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(
            new SignInGuardFilter(guard, messages),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, messages),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .addFilterBefore(
            accountState,
            org.springframework.security.web.access.intercept.AuthorizationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(
            b -> {
              b.authenticationEntryPoint(unauthorized(messages, guard));
              if (!guard.basicAllowed()) {
                b.disable();
              }
            })
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(unauthorized(messages, guard))
                    .accessDeniedHandler(forbidden(messages)))
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.NEVER))
        // An API caller is never sent back to a saved request, so nothing is saved: otherwise each
        // anonymous call would make a session, now a row of the database.
        .requestCache(c -> c.disable())
        // A script's token or Basic credentials cannot be sent by another site; a browser's
        // session cookie can, so a write through the session needs the page's CSRF token.
        .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfig::writeThroughBrowserSession));
    headers(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      AccountStateFilter accountState,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          oidc,
      FederatedSignIn federated,
      SsoProperties sso,
      SignInGuard guard,
      org.qunbei.system.Messages messages)
      throws Exception {
    http.addFilterBefore(
        new SignInGuardFilter(guard, messages),
        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
    var campus = oidc.getIfAvailable();
    if (campus != null) {
      // The provider's redirect lands on /login/oauth2/code/campus; our own sign-in page stays.
      http.oauth2Login(
          o ->
              o.loginPage("/login")
                  .clientRegistrationRepository(campus)
                  .successHandler(OidcSignIn.success(federated, sso))
                  .failureUrl("/login?sso=sso.providerFailed"));
    }
    http.addFilterBefore(
            accountState,
            org.springframework.security.web.access.intercept.AuthorizationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/login/cas",
                        "/verify",
                        "/verify/**",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/**")
                    .hasRole("SYSTEM_ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(
                        (request, response, ex) -> {
                          databaseAway(ex);
                          // A disabled account is told so, not that its password was wrong.
                          if (ex
                              instanceof
                              org.springframework.security.authentication.DisabledException) {
                            response.sendRedirect(request.getContextPath() + "/login?disabled");
                            return;
                          }
                          // The page says how many attempts are left, or how long the lock lasts.
                          int left =
                              guard.attemptsLeft(
                                  request.getParameter("username"), request.getRemoteAddr());
                          response.sendRedirect(
                              request.getContextPath()
                                  + (left > 0
                                      ? "/login?error=" + left
                                      : "/login?locked=" + guard.lockMinutes()));
                        })
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(expiredOrForbidden()))
        .httpBasic(
            b -> {
              if (!guard.basicAllowed()) {
                b.disable();
              }
            });
    headers(http);
    return http.build();
  }

  /**
   * What every response says to the browser: scripts only from this server (no inline script
   * anywhere), never framed, no MIME sniffing, the referrer kept to this site, HSTS over HTTPS.
   * Inline style attributes stay allowed: they carry no code.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(
        h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny())
                .referrerPolicy(
                    r ->
                        r.policy(
                            org.springframework.security.web.header.writers
                                .ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .httpStrictTransportSecurity(
                    t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
  }

  private static boolean writeThroughBrowserSession(jakarta.servlet.http.HttpServletRequest r) {
    String m = r.getMethod();
    boolean safe = m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS") || m.equals("TRACE");
    return !safe && r.getHeader("Authorization") == null && r.getRequestedSessionId() != null;
  }

  /**
   * A form posted after its session expired carries a token the server no longer knows: send the
   * user to log in again (the page keeps what they typed in the browser) instead of a bare 403.
   */
  private static AccessDeniedHandler expiredOrForbidden() {
    return (request, response, ex) -> {
      boolean sessionGone =
          request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
      if (ex instanceof org.springframework.security.web.csrf.CsrfException && sessionGone) {
        response.sendRedirect(request.getContextPath() + "/login?expired");
      } else {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
    };
  }

  private static AuthenticationEntryPoint unauthorized(
      org.qunbei.system.Messages messages, SignInGuard guard) {
    return (request, response, ex) -> {
      databaseAway(ex);
      response.setHeader("WWW-Authenticate", "Basic realm=\"qunbei\", charset=\"UTF-8\"");
      String username = SignInGuardFilter.basicUsername(request);
      String detail = "problem.unauthenticated.detail";
      Object[] args = {};
      if (username != null
          && ex instanceof org.springframework.security.authentication.BadCredentialsException) {
        // A wrong password says how many attempts are left, or that the account is now locked.
        int left = guard.attemptsLeft(username, request.getRemoteAddr());
        detail = left > 0 ? "login.failedLeft" : "login.locked";
        args =
            left > 0
                ? new Object[] {left, guard.lockMinutes()}
                : new Object[] {guard.lockMinutes()};
      }
      messages.writeProblem(request, response, 401, "problem.unauthenticated.title", detail, args);
    };
  }

  /**
   * A password that could not be checked because the database is away is not a wrong password: the
   * failure goes on to the outage filter's 503 instead of a 401 or the login page (which would also
   * count it towards the lockout).
   */
  private static void databaseAway(org.springframework.security.core.AuthenticationException ex)
      throws jakarta.servlet.ServletException {
    if (ex
            instanceof
            org.springframework.security.authentication.InternalAuthenticationServiceException
        && org.qunbei.shared.DatabaseOutage.causedBy(ex)) {
      if (ex.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new jakarta.servlet.ServletException(ex);
    }
  }

  private static AccessDeniedHandler forbidden(org.qunbei.system.Messages messages) {
    return (request, response, ex) ->
        messages.writeProblem(
            request,
            response,
            403,
            "problem.forbidden.title",
            ex instanceof org.springframework.security.web.csrf.CsrfException
                ? "problem.csrf.detail"
                : "problem.forbidden.detail");
  }
}
