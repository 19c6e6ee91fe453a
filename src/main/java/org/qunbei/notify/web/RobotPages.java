package org.qunbei.notify.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.notify.DeliveryStatus;
import org.qunbei.notify.RobotAdministration;
import org.qunbei.notify.RobotDelivery;
import org.qunbei.notify.RobotInput;
import org.qunbei.notify.RobotKind;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's robots page: each robot with its scope and its latest post, a test
 * button, and a form to add one or change one. A refused form comes back with each message beside
 * its field and everything typed (the secret excepted: it is never sent back to a page).
 */
@Controller
class RobotPages {

  private final RobotAdministration robots;
  private final Messages messages;

  RobotPages(RobotAdministration robots, Messages messages) {
    this.robots = robots;
    this.messages = messages;
  }

  /** What the form shows: typed values, or the robot's own. */
  record Typed(
      String name,
      String kind,
      String url,
      String department,
      String step,
      boolean enabled,
      boolean signed) {}

  @GetMapping("/admin/robots")
  String page(CurrentUser user, Model model) {
    return show(user, model, null, new Typed("", "WECOM", "", "", "", true, false), Map.of());
  }

  @GetMapping("/admin/robots/{id}")
  String edit(CurrentUser user, @PathVariable long id, Model model) {
    var s = robots.get(user, id);
    var r = s.robot();
    return show(
        user,
        model,
        id,
        new Typed(
            r.name(),
            r.kind().name(),
            r.webhookUrl(),
            r.departmentCode() == null ? "" : r.departmentCode(),
            r.stepCode() == null ? "" : r.stepCode(),
            r.enabled(),
            r.signed()),
        Map.of());
  }

  @PostMapping("/admin/robots")
  String create(
      CurrentUser user,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String url,
      @RequestParam(required = false) String secret,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String step,
      @RequestParam(required = false) String enabled,
      Model model,
      RedirectAttributes redirect) {
    RobotInput in = new RobotInput(name, kind, url, secret, department, step, enabled != null);
    try {
      var r = robots.create(user, in);
      redirect.addFlashAttribute("notice", messages.text("robot.created", r.name()));
      return "redirect:/admin/robots";
    } catch (InvalidInputException e) {
      return refused(user, model, null, in, false, e);
    }
  }

  @PostMapping("/admin/robots/{id}")
  String update(
      CurrentUser user,
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String url,
      @RequestParam(required = false) String secret,
      @RequestParam(required = false) String clearSecret,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String step,
      @RequestParam(required = false) String enabled,
      Model model,
      RedirectAttributes redirect) {
    // An empty secret field keeps the stored secret; the box removes it.
    String s = clearSecret != null ? "" : (secret == null || secret.isBlank() ? null : secret);
    RobotInput in = new RobotInput(name, kind, url, s, department, step, enabled != null);
    boolean signed = robots.get(user, id).robot().signed();
    try {
      var r = robots.update(user, id, in);
      redirect.addFlashAttribute("notice", messages.text("robot.saved", r.name()));
      return "redirect:/admin/robots";
    } catch (InvalidInputException e) {
      return refused(user, model, id, in, signed, e);
    }
  }

  @PostMapping("/admin/robots/{id}/delete")
  String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    String name = robots.get(user, id).robot().name();
    robots.delete(user, id);
    redirect.addFlashAttribute("notice", messages.text("robot.deleted", name));
    return "redirect:/admin/robots";
  }

  /** Posts a test message now; the page says whether the platform took it, or why not. */
  @PostMapping("/admin/robots/{id}/test")
  String test(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
    RobotDelivery d = robots.test(user, id);
    if (d.status() == DeliveryStatus.SENT) {
      redirect.addFlashAttribute("notice", messages.text("robot.test.sent"));
    } else {
      redirect.addFlashAttribute("alert", messages.text("robot.test.failed", d.lastError()));
    }
    return "redirect:/admin/robots";
  }

  private String refused(
      CurrentUser user,
      Model model,
      Long id,
      RobotInput in,
      boolean signed,
      InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    messages.fieldMessages(e.violations()).forEach(m -> errors.putIfAbsent(m.field(), m.message()));
    return show(
        user,
        model,
        id,
        new Typed(
            orEmpty(in.name()),
            orEmpty(in.kind()),
            orEmpty(in.url()),
            orEmpty(in.department()),
            orEmpty(in.step()),
            Boolean.TRUE.equals(in.enabled()),
            signed),
        errors);
  }

  private String show(
      CurrentUser user, Model model, Long editing, Typed typed, Map<String, String> errors) {
    model.addAttribute("robots", robots.list(user));
    model.addAttribute("editing", editing);
    model.addAttribute("typed", typed);
    model.addAttribute("errors", errors);
    model.addAttribute("kinds", RobotKind.values());
    var departments = robots.departments();
    var steps = robots.steps();
    model.addAttribute("departments", departments);
    model.addAttribute("steps", steps);
    model.addAttribute("departmentNames", names(departments));
    model.addAttribute("stepNames", names(steps));
    return "notify/robots";
  }

  private static Map<String, String> names(java.util.List<RobotAdministration.Choice> choices) {
    Map<String, String> names = new LinkedHashMap<>();
    choices.forEach(c -> names.put(c.code(), c.name()));
    return names;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
