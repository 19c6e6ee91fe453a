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
  private final SignInGuard guard;

  LoginController(SsoProperties sso, SignInGuard guard) {
    this.sso = sso;
    this.guard = guard;
  }

  @GetMapping("/login")
  String login(
      @RequestParam(name = "sso", required = false) String refused,
      @RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "locked", required = false) String locked,
      Model model) {
    model.addAttribute("attemptsLeft", number(error));
    model.addAttribute("lockedMinutes", number(locked));
    model.addAttribute("lockMinutes", guard.lockMinutes());
    model.addAttribute("oidcOn", sso.oidc().on());
    model.addAttribute("casOn", sso.cas().on());
    model.addAttribute("ssoLabel", sso.label());
    if (refused != null && SSO_REASONS.contains(refused)) {
      model.addAttribute("ssoRefused", refused);
    }
    return "accounts/login";
  }

  /** A small count from the query, or null: the page only ever shows a number it can read. */
  private static Integer number(String s) {
    if (s == null || !s.matches("\\d{1,4}")) {
      return null;
    }
    return Integer.valueOf(s);
  }
}
