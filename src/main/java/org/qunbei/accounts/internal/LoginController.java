package org.qunbei.accounts.internal;

import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 登录: a local account's password, or the school's 统一身份认证 where it is configured. */
@Controller
class LoginController {

  /** Why a sign-in through the identity provider was refused; anything else is not shown. */
  private static final Set<String> SSO_REASONS =
      Set.of(
          "sso.unknownStaff",
          "sso.noAccountClaim",
          "sso.casRefused",
          "sso.casUnavailable",
          "sso.providerFailed",
          "account.disabled");

  private final SsoProperties sso;

  LoginController(SsoProperties sso) {
    this.sso = sso;
  }

  @GetMapping("/login")
  String login(@RequestParam(name = "sso", required = false) String refused, Model model) {
    model.addAttribute("oidcOn", sso.oidc().on());
    model.addAttribute("casOn", sso.cas().on());
    model.addAttribute("ssoLabel", sso.label());
    if (refused != null && SSO_REASONS.contains(refused)) {
      model.addAttribute("ssoRefused", refused);
    }
    return "accounts/login";
  }
}
