package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Two chains: the JSON API (a personal access token, HTTP Basic or the browser session, no CSRF
 * because it only takes non-form media types, and 401 instead of a login redirect) and the pages
 * (form login, CSRF on).
 */
@Configuration
class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
      java.time.Clock clock,
      org.qunbei.system.Messages messages) {
    return new AccountStateFilter(accounts, principals, policy, clock, messages);
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
      org.qunbei.system.Messages messages)
      throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(
            new BearerTokenFilter(tokens, users, messages),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .addFilterBefore(
            accountState,
            org.springframework.security.web.access.intercept.AuthorizationFilter.class)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized(messages)))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(unauthorized(messages))
                    .accessDeniedHandler(forbidden(messages)))
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.NEVER))
        .csrf(c -> c.disable());
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
      SsoProperties sso)
      throws Exception {
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
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(expiredOrForbidden()))
        .httpBasic(Customizer.withDefaults());
    return http.build();
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

  private static AuthenticationEntryPoint unauthorized(org.qunbei.system.Messages messages) {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"qunbei\", charset=\"UTF-8\"");
      problem(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          messages.problemJson(
              request, 401, "problem.unauthenticated.title", "problem.unauthenticated.detail"));
    };
  }

  private static AccessDeniedHandler forbidden(org.qunbei.system.Messages messages) {
    return (request, response, ex) ->
        problem(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            messages.problemJson(
                request, 403, "problem.forbidden.title", "problem.forbidden.detail"));
  }

  private static void problem(HttpServletResponse response, int status, String body)
      throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
