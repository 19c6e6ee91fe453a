package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Sign-in through an OpenID Connect provider, Spring Security's OAuth2 client doing the protocol.
 * The provider is registered as {@code campus} ({@code /oauth2/authorization/campus}); its
 * discovery document is read on first use, not at start-up, so Qunbei starts (and local accounts
 * work) while the school's provider is down. Once the provider has vouched, the configured claim
 * finds the account and the session holds the same principal as a password sign-in.
 */
@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class OidcSignIn {

  static final String REGISTRATION = "campus";

  @Bean
  @ConditionalOnProperty(prefix = "qunbei.sso.oidc", name = "issuer-uri")
  ClientRegistrationRepository campusProvider(SsoProperties sso) {
    var oidc = sso.oidc();
    return new SupplierClientRegistrationRepository(
        () ->
            new InMemoryClientRegistrationRepository(
                ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                    .registrationId(REGISTRATION)
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .scope("openid", "profile", "email")
                    .build()));
  }

  /** After the provider's answer: our account, or back to the sign-in page saying why not. */
  static AuthenticationSuccessHandler success(FederatedSignIn federated, SsoProperties sso) {
    var then = new SavedRequestAwareAuthenticationSuccessHandler();
    then.setDefaultTargetUrl("/");
    var oidc = sso.oidc();
    String accountClaim = or(oidc.accountClaim(), "preferred_username");
    boolean byStaffNumber = "staff-number".equalsIgnoreCase(oidc.match());
    return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
      OidcUser user = (OidcUser) auth.getPrincipal();
      try {
        AccountPrincipal p =
            federated.account(
                "oidc",
                user.getClaimAsString(accountClaim),
                byStaffNumber,
                user.getClaimAsString(or(oidc.nameClaim(), "name")),
                oidc.departmentClaim() == null
                    ? null
                    : user.getClaimAsString(oidc.departmentClaim()));
        federated.signIn(p, "oidc", request, response);
        then.onAuthenticationSuccess(
            request, response, SecurityContextHolder.getContext().getAuthentication());
      } catch (FederatedSignIn.Refused e) {
        refuse(request, response, e);
      }
    };
  }

  static void refuse(
      HttpServletRequest request, HttpServletResponse response, FederatedSignIn.Refused e)
      throws IOException {
    SecurityContextHolder.clearContext();
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + "/login?sso=" + e.getMessage());
  }

  private static String or(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }
}
