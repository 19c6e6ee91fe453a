package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 动态口令: the code at sign-in, setting the app up (a QR code to scan, its first code to confirm), and
 * the security administrator's rule of which roles need it.
 */
@Controller
class SecondFactorPages {

  private final SecondFactor secondFactor;
  private final UserAccounts accounts;
  private final Messages messages;

  SecondFactorPages(SecondFactor secondFactor, UserAccounts accounts, Messages messages) {
    this.secondFactor = secondFactor;
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping("/login/two-factor")
  String codeForm() {
    return "accounts/two-factor-login";
  }

  @PostMapping("/login/two-factor")
  String code(
      CurrentUser user,
      @RequestParam(required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    try {
      secondFactor.signIn(user, code, request);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      return "accounts/two-factor-login";
    }
    var saved = new HttpSessionRequestCache().getRequest(request, response);
    return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
  }

  @GetMapping("/account/two-factor")
  String status(CurrentUser user, Model model) {
    UserAccount a = accounts.findByUsername(user.username()).orElseThrow();
    model.addAttribute("enrolled", a.hasSecondFactor());
    model.addAttribute(
        "required", a.roles().stream().anyMatch(secondFactor.requiredFor()::contains));
    return "accounts/two-factor";
  }

  @PostMapping("/account/two-factor/start")
  String start(CurrentUser user, HttpServletRequest request, Model model) throws IOException {
    String secret = secondFactor.start(request);
    model.addAttribute("secret", secret);
    model.addAttribute(
        "qr", qr(Totp.uri(messages.text("secondFactor.issuer"), user.username(), secret)));
    return status(user, model);
  }

  @PostMapping("/account/two-factor/confirm")
  String confirm(
      CurrentUser user,
      @RequestParam(required = false) String code,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    try {
      secondFactor.confirm(user, code, request);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      return status(user, model);
    }
    redirect.addFlashAttribute("notice", messages.text("secondFactor.enrolled"));
    return "redirect:/account/two-factor";
  }

  @PostMapping("/account/two-factor/off")
  String off(
      CurrentUser user,
      @RequestParam(required = false) String code,
      Model model,
      RedirectAttributes redirect) {
    try {
      secondFactor.turnOff(user, code);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", messages.fieldMessages(e.violations()));
      return status(user, model);
    }
    redirect.addFlashAttribute("notice", messages.text("secondFactor.off"));
    return "redirect:/account/two-factor";
  }

  @GetMapping("/admin/security")
  String policy(CurrentUser user, Model model) {
    if (!user.has(Role.SECURITY_ADMIN)) {
      throw new ForbiddenException("secondFactor.notSecurityAdmin");
    }
    model.addAttribute("required", secondFactor.requiredFor());
    model.addAttribute("allRoles", Role.values());
    return "accounts/security-policy";
  }

  @PostMapping("/admin/security")
  String setPolicy(
      CurrentUser user,
      @RequestParam(name = "role", required = false) List<String> ticked,
      RedirectAttributes redirect) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (ticked != null) {
      for (String r : ticked) {
        try {
          roles.add(Role.valueOf(r));
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.of("role", "secondFactor.unknownRole", r);
        }
      }
    }
    secondFactor.require(user, roles);
    redirect.addFlashAttribute("notice", messages.text("directory.saved"));
    return "redirect:/admin/security";
  }

  /** The otpauth URI as a QR code, inline (the CSP allows data: images, never scripts). */
  private static String qr(String uri) throws IOException {
    try {
      var matrix =
          new com.google.zxing.qrcode.QRCodeWriter()
              .encode(uri, com.google.zxing.BarcodeFormat.QR_CODE, 220, 220);
      var out = new ByteArrayOutputStream();
      com.google.zxing.client.j2se.MatrixToImageWriter.writeToStream(matrix, "png", out);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (com.google.zxing.WriterException e) {
      throw new IOException(e);
    }
  }
}
