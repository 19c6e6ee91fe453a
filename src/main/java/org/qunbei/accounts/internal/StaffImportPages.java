package org.qunbei.accounts.internal;

import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;

/** 教职工导入: upload HR's file, look at the preview, accept it. */
@Controller
class StaffImportPages {

  private final StaffImporting importing;
  private final Messages messages;

  StaffImportPages(StaffImporting importing, Messages messages) {
    this.importing = importing;
    this.messages = messages;
  }

  @GetMapping("/admin/staff-imports")
  String form(CurrentUser user) {
    DirectoryAdministration.requireSystemAdmin(user);
    return "accounts/staff-import";
  }

  @PostMapping("/admin/staff-imports")
  String upload(
      CurrentUser user,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    try {
      var preview =
          importing.preview(
              user,
              file == null ? null : file.getOriginalFilename(),
              file == null ? new byte[0] : file.getBytes());
      return "redirect:/admin/staff-imports/" + preview.staffImport().id();
    } catch (InvalidInputException e) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      return "accounts/staff-import";
    }
  }

  @GetMapping("/admin/staff-imports/{id}")
  String preview(CurrentUser user, @PathVariable long id, Model model) {
    model.addAttribute("preview", importing.show(user, id));
    return "accounts/staff-preview";
  }

  @PostMapping("/admin/staff-imports/{id}/apply")
  String apply(CurrentUser user, @PathVariable long id, Model model) {
    try {
      var applied = importing.apply(user, id);
      model.addAttribute("preview", applied);
      model.addAttribute("justApplied", true);
    } catch (StateConflictException e) {
      model.addAttribute(
          "errors",
          java.util.List.of(new Messages.FieldMessage(null, messages.text(e.code(), e.args()))));
      model.addAttribute("preview", importing.show(user, id));
    }
    return "accounts/staff-preview";
  }
}
