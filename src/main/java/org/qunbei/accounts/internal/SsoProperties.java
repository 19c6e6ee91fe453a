package org.qunbei.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in through the school's identity provider (统一身份认证): OpenID Connect, CAS 3.0, either or both;
 * each is on when its server is named. Local accounts stay for the offices and for a school without
 * SSO.
 *
 * @param label the button on the sign-in page
 * @param unknownStaff what happens to someone the identity provider knows and the directory does
 *     not: {@code refuse} (default: the system administrator adds them, or HR's import does), or
 *     {@code applicant} (an applicant account of the department the provider names)
 */
@ConfigurationProperties("qunbei.sso")
record SsoProperties(String label, String unknownStaff, Oidc oidc, Cas cas) {

  SsoProperties {
    oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null) : oidc;
    cas = cas == null ? new Cas(null, null, null, null, null, null) : cas;
  }

  boolean createsApplicants() {
    return "applicant".equalsIgnoreCase(unknownStaff);
  }

  boolean any() {
    return oidc.on() || cas.on();
  }

  /**
   * @param accountClaim the claim naming the person ({@code preferred_username} by default)
   * @param match how that claim finds the account: {@code username} or {@code staff-number}
   */
  record Oidc(
      String issuerUri,
      String clientId,
      String clientSecret,
      String accountClaim,
      String match,
      String nameClaim,
      String departmentClaim) {
    boolean on() {
      return issuerUri != null && !issuerUri.isBlank();
    }
  }

  /**
   * @param serverUrl the CAS server's base, e.g. {@code https://cas.school.edu.cn/cas}
   * @param serviceUrl this application's {@code /login/cas} as the school reaches it; configured,
   *     never taken from the request, so a forged Host header cannot redirect a ticket elsewhere
   * @param accountAttribute the attribute naming the person; blank: {@code cas:user}
   */
  record Cas(
      String serverUrl,
      String serviceUrl,
      String accountAttribute,
      String match,
      String nameAttribute,
      String departmentAttribute) {
    boolean on() {
      return serverUrl != null && !serverUrl.isBlank();
    }
  }
}
