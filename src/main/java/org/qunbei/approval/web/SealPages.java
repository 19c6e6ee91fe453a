package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.accounts.Role;
import org.qunbei.approval.SealImage;
import org.qunbei.approval.SealKind;
import org.qunbei.approval.Seals;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My signature; the administrator's stamps; the images on approval records. */
@Controller
class SealPages {

  /** The offices whose stamps appear in section 五. */
  static final List<Role> STAMPING_OFFICES =
      List.of(Role.CONFIDENTIALITY_OFFICE, Role.PARTY_OFFICE, Role.CYBERSPACE_OFFICE);

  private final Seals seals;
  private final Directory directory;
  private final Messages messages;

  SealPages(Seals seals, Directory directory, Messages messages) {
    this.seals = seals;
    this.directory = directory;
    this.messages = messages;
  }

  @GetMapping("/account/signature")
  String signature(CurrentUser user, Model model) {
    model.addAttribute("current", seals.current(SealKind.SIGNATURE, user.username()).orElse(null));
    return "approval/signature";
  }

  @PostMapping("/account/signature")
  String uploadSignature(
      CurrentUser user,
      @RequestParam("file") MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response)
      throws IOException {
    try {
      seals.uploadSignature(
          user, file.getBytes(), file.getContentType(), file.getOriginalFilename());
      redirect.addFlashAttribute("notice", messages.text("approval.signature.saved"));
    } catch (InvalidInputException e) {
      refused(e, model, response);
      return signature(user, model);
    }
    return "redirect:/account/signature";
  }

  /** A refused upload is a 400: the page again, with the reason naming the upload. */
  private void refused(InvalidInputException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("uploadError", messages.text(e.violations().list().get(0)));
  }

  @GetMapping("/admin/stamps")
  String stamps(CurrentUser user, Model model) {
    if (!user.has(Role.SECURITY_ADMIN)) {
      throw new ForbiddenException("approval.stamp.adminOnly");
    }
    List<StampRow> rows = new ArrayList<>();
    directory
        .all()
        .forEach(
            d ->
                rows.add(
                    new StampRow(
                        d.code(), d.name(), seals.current(SealKind.STAMP, d.code()).orElse(null))));
    STAMPING_OFFICES.forEach(
        r ->
            rows.add(
                new StampRow(
                    r.name(),
                    messages.text("Role." + r.name()),
                    seals.current(SealKind.STAMP, r.name()).orElse(null))));
    model.addAttribute("rows", rows);
    return "approval/stamps";
  }

  @PostMapping("/admin/stamps/{owner}")
  String uploadStamp(
      CurrentUser user,
      @PathVariable String owner,
      @RequestParam("file") MultipartFile file,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response)
      throws IOException {
    try {
      seals.uploadStamp(
          user, owner, file.getBytes(), file.getContentType(), file.getOriginalFilename());
      redirect.addFlashAttribute("notice", messages.text("approval.stamp.saved"));
    } catch (InvalidInputException e) {
      refused(e, model, response);
      return stamps(user, model);
    }
    return "redirect:/admin/stamps";
  }

  @GetMapping("/seals/{id}")
  ResponseEntity<byte[]> image(CurrentUser user, @PathVariable long id) {
    SealImage image = seals.image(user, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .header("Cache-Control", "private, max-age=86400")
        .body(image.image());
  }

  record StampRow(String owner, String name, SealImage current) {}
}
