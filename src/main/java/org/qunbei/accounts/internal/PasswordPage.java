package org.qunbei.accounts.internal;

import java.time.Clock;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: one's own password; the only page an initial password opens. */
@Controller
class PasswordPage {

  private final Passwords passwords;
  private final UserAccounts accounts;
  private final Messages messages;
  private final PasswordPolicy policy;
  private final Clock clock;

  PasswordPage(
      Passwords passwords,
      UserAccounts accounts,
      Messages messages,
      PasswordPolicy policy,
      Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.passwords = passwords;
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping("/account/password")
  String form(CurrentUser user, Model model) {
    UserAccount a = accounts.findByUsername(user.username()).orElseThrow();
    model.addAttribute("mustChange", a.mustChangePassword());
    model.addAttribute(
        "expired",
        !a.mustChangePassword() && policy.expired(a.passwordChangedAt(), clock.instant()));
    model.addAttribute("maxAgeDays", policy.maxAge().map(d -> d.toDays()).orElse(0L));
    model.addAttribute("rulesKey", policy.rulesKey());
    return "accounts/password";
  }

  @PostMapping("/account/password")
  String change(
      CurrentUser user,
      @RequestParam(required = false) String current,
      @RequestParam(name = "new", required = false) String next,
      @RequestParam(required = false) String confirm,
      Model model,
      RedirectAttributes redirect) {
    try {
      if (next != null && !next.equals(confirm)) {
        throw InvalidInputException.of("confirm", "password.confirm");
      }
      passwords.change(user, current, next);
      redirect.addFlashAttribute("notice", messages.text("password.changed"));
      return "redirect:/";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      return form(user, model);
    }
  }
}
