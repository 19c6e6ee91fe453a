package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletResponse;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.OpinionBook;
import org.qunbei.approval.OpinionRequest;
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

/** My stock opinions (我的常用意见): the school's, read-only, and my own to add and remove. */
@Controller
class OpinionPages {

  private final OpinionBook opinions;
  private final Messages messages;

  OpinionPages(OpinionBook opinions, Messages messages) {
    this.opinions = opinions;
    this.messages = messages;
  }

  @GetMapping("/account/opinions")
  String list(CurrentUser user, Model model) {
    model.addAttribute("opinions", opinions.list(user));
    model.addAttribute("mayKeep", opinions.decidesAny(user));
    return "approval/stock-opinions";
  }

  @PostMapping("/account/opinions")
  String add(
      CurrentUser user,
      @RequestParam(required = false) String text,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      opinions.add(user, new OpinionRequest(text));
      redirect.addFlashAttribute("notice", messages.text("approval.stockOpinion.saved"));
      return "redirect:/account/opinions";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("textError", messages.text(e.violations().list().get(0)));
    } catch (StateConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("textError", messages.text(e.code(), e.args()));
    }
    model.addAttribute("text", text);
    return list(user, model);
  }

  @PostMapping("/account/opinions/{id}/delete")
  String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    opinions.delete(user, id);
    redirect.addFlashAttribute("notice", messages.text("approval.stockOpinion.deleted"));
    return "redirect:/account/opinions";
  }
}
