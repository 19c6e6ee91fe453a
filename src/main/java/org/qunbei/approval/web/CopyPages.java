package org.qunbei.approval.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.Copies;
import org.qunbei.approval.CopyRequest;
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

/** 抄送我的 (the list) and the 抄送 card's form on a filing's page. */
@Controller
class CopyPages {

  private final Copies copies;
  private final Messages messages;

  CopyPages(Copies copies, Messages messages) {
    this.copies = copies;
    this.messages = messages;
  }

  @GetMapping("/copies")
  String list(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("page", copies.mine(user, Math.max(page, 0), 20));
    return "approval/copies";
  }

  @PostMapping("/filings/{id}/copies")
  String copy(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) List<String> users,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    try {
      int n = copies.copy(user, id, new CopyRequest(users, note)).size();
      redirect.addFlashAttribute("copyNotice", messages.text("approval.copy.done", n));
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("copyError", messages.text(e.violations().list().get(0)));
      // Back with what was chosen and typed, so nothing is lost.
      redirect.addFlashAttribute("copyUsers", users == null ? List.of() : users);
      redirect.addFlashAttribute("copyNote", note);
    } catch (StateConflictException e) {
      redirect.addFlashAttribute("copyError", messages.text(e.code(), e.args()));
      redirect.addFlashAttribute("copyUsers", users == null ? List.of() : users);
      redirect.addFlashAttribute("copyNote", note);
    }
    return "redirect:/filings/" + id + "#copy";
  }
}
