package org.qunbei.accounts.internal;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentKind;
import org.qunbei.accounts.Role;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages: the system administrator's departments and accounts (a new account's initial
 * password shown once), and on an account's page the security administrator's roles. A refused form
 * comes back with every problem and what was typed.
 */
@Controller
class DirectoryPages {

  private final DirectoryAdministration directory;
  private final RoleAdministration roles;
  private final UserAccounts accounts;
  private final Messages messages;

  DirectoryPages(
      DirectoryAdministration directory,
      RoleAdministration roles,
      UserAccounts accounts,
      Messages messages) {
    this.directory = directory;
    this.roles = roles;
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping("/admin/users")
  String users(CurrentUser user, Model model) {
    model.addAttribute("users", directory.users(user));
    model.addAttribute("departments", directory.departments());
    model.addAttribute("mayEdit", user.has(Role.SYSTEM_ADMIN));
    return "accounts/users";
  }

  @PostMapping("/admin/users")
  String createUser(
      CurrentUser user,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String staffNumber,
      @RequestParam(required = false) String email,
      Model model) {
    var body = new DirectoryBodies.UserBody(username, name, department, staffNumber, email, true);
    try {
      var created = directory.createUser(user, body);
      // The one-time password is shown in this response only: a redirect would carry it through
      // the session, which lives in the database.
      model.addAttribute(
          "notice",
          messages.text("directory.user.created", created.username(), created.initialPassword()));
      model.addAttribute("replaceUrl", "/admin/users/" + created.username());
      return user(user, created.username(), model);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("typed", body);
      return users(user, model);
    } catch (org.qunbei.shared.StateConflictException e) {
      model.addAttribute(
          "errors",
          List.of(new Messages.FieldMessage("username", messages.text(e.code(), e.args()))));
      model.addAttribute("typed", body);
      return users(user, model);
    }
  }

  @GetMapping("/admin/users/{username}")
  String user(CurrentUser user, @PathVariable String username, Model model) {
    directory.users(user);
    UserAccount account =
        accounts.findByUsername(username).orElseThrow(() -> new NotFoundException(username));
    model.addAttribute("account", account);
    model.addAttribute("departments", directory.departments());
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("mayEdit", user.has(Role.SYSTEM_ADMIN));
    model.addAttribute("openSessions", directory.openSessions(username));
    model.addAttribute("openWork", directory.openWork(user, username));
    model.addAttribute(
        "mayGrant", user.has(Role.SECURITY_ADMIN) && !user.username().equals(username));
    return "accounts/user";
  }

  @PostMapping("/admin/users/{username}")
  String updateUser(
      CurrentUser user,
      @PathVariable String username,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String staffNumber,
      @RequestParam(required = false) String email,
      @RequestParam(defaultValue = "false") boolean enabled,
      Model model,
      RedirectAttributes redirect) {
    var body =
        new DirectoryBodies.UserBody(username, name, department, staffNumber, email, enabled);
    try {
      directory.updateUser(user, username, body);
      redirect.addFlashAttribute("notice", messages.text("directory.saved"));
      return "redirect:/admin/users/" + username;
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("typed", body);
      return user(user, username, model);
    }
  }

  @PostMapping("/admin/users/{username}/sessions/end")
  String endSessions(CurrentUser user, @PathVariable String username, RedirectAttributes redirect) {
    int ended = directory.endSessions(user, username);
    redirect.addFlashAttribute("notice", messages.text("directory.user.sessionsEnded", ended));
    return "redirect:/admin/users/" + username;
  }

  @PostMapping("/admin/users/{username}/password-reset")
  String reset(CurrentUser user, @PathVariable String username, Model model) {
    var reset = directory.resetPassword(user, username);
    model.addAttribute(
        "notice", messages.text("directory.user.reset", reset.username(), reset.initialPassword()));
    model.addAttribute("replaceUrl", "/admin/users/" + username);
    return user(user, username, model);
  }

  @PostMapping("/admin/users/{username}/roles")
  String grant(
      CurrentUser user,
      @PathVariable String username,
      @RequestParam(name = "role", required = false) List<String> granted,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect) {
    try {
      roles.grant(user, username, granted == null ? List.of() : granted, reason);
      redirect.addFlashAttribute("notice", messages.text("directory.rolesSaved"));
      return "redirect:/admin/users/" + username;
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("ticked", granted == null ? List.of() : granted);
      model.addAttribute("reason", reason);
      return user(user, username, model);
    }
  }

  @GetMapping("/admin/departments")
  String departments(CurrentUser user, Model model) {
    directory.users(user);
    model.addAttribute("departments", directory.departments());
    model.addAttribute("kinds", DepartmentKind.values());
    model.addAttribute("mayEdit", user.has(Role.SYSTEM_ADMIN));
    return "accounts/departments";
  }

  @PostMapping("/admin/departments")
  String createDepartment(
      CurrentUser user,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String head,
      @RequestParam(required = false) String leader,
      Model model,
      RedirectAttributes redirect) {
    var body = new DirectoryBodies.DepartmentBody(code, name, kind, head, leader);
    try {
      directory.createDepartment(user, body);
      redirect.addFlashAttribute("notice", messages.text("directory.saved"));
      return "redirect:/admin/departments";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      model.addAttribute("typed", body);
      return departments(user, model);
    } catch (org.qunbei.shared.StateConflictException e) {
      model.addAttribute(
          "errors", List.of(new Messages.FieldMessage("code", messages.text(e.code(), e.args()))));
      model.addAttribute("typed", body);
      return departments(user, model);
    }
  }
}
