package org.qunbei.accounts.internal;

import org.qunbei.accounts.CurrentUser;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 访问令牌: the user's tokens for scripts; a new token's secret is shown once, right here. */
@Controller
class TokenPages {

  private final Tokens tokens;
  private final Messages messages;

  TokenPages(Tokens tokens, Messages messages) {
    this.tokens = tokens;
    this.messages = messages;
  }

  @GetMapping("/account/tokens")
  String page(CurrentUser user, Model model) {
    model.addAttribute("tokens", tokens.list(user));
    model.addAttribute("maxDays", Tokens.MAX_DAYS);
    return "accounts/tokens";
  }

  @PostMapping("/account/tokens")
  String create(
      CurrentUser user,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String days,
      Model model,
      RedirectAttributes redirect) {
    try {
      // The secret is shown in this response only: a redirect would carry it through the
      // session, which lives in the database.
      model.addAttribute("created", tokens.create(user, name, days));
      model.addAttribute("replaceUrl", "/account/tokens");
      return page(user, model);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute(
          "tokenErrors", e.violations().list().stream().map(messages::text).toList());
      redirect.addFlashAttribute("name", name);
      redirect.addFlashAttribute("days", days);
    } catch (StateConflictException e) {
      redirect.addFlashAttribute(
          "tokenErrors", java.util.List.of(messages.text(e.code(), e.args())));
    }
    return "redirect:/account/tokens";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    tokens.revoke(user, id);
    redirect.addFlashAttribute("notice", messages.text("token.revoked"));
    return "redirect:/account/tokens";
  }
}
