package org.qunbei.documents.web;

import org.qunbei.accounts.Directory;
import org.qunbei.documents.Verifications;
import org.qunbei.documents.VerifiedFiling;
import org.qunbei.filing.FilingService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page a printout's QR code leads to: it confirms the filing's number, group name,
 * department, status and date, and nothing personal. No login; the code cannot be guessed from the
 * filing number.
 */
@Controller
class VerifyPage {

  private final Verifications verifications;
  private final FilingService filings;
  private final Directory directory;
  private final org.qunbei.system.Messages messages;

  VerifyPage(
      Verifications verifications,
      FilingService filings,
      Directory directory,
      org.qunbei.system.Messages messages) {
    this.verifications = verifications;
    this.filings = filings;
    this.directory = directory;
    this.messages = messages;
  }

  @GetMapping("/verify")
  String form(@RequestParam(required = false) String code) {
    // Encoded as a path segment: a typed "{x}" is text, never a URI template to expand.
    return code == null || code.isBlank()
        ? "documents/verify"
        : "redirect:/verify/"
            + org.springframework.web.util.UriUtils.encodePathSegment(
                code.strip(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @GetMapping("/verify/{code}")
  String verify(@PathVariable String code, Model model) {
    VerifiedFiling found =
        verifications
            .filingOf(code)
            .flatMap(filings::forVerification)
            .map(
                f ->
                    new VerifiedFiling(
                        f.number(),
                        f.groupName(),
                        directory.nameOf(f.departmentCode()),
                        messages.label(f.status()),
                        f.filledOn()))
            .orElse(null);
    if (found == null) {
      model.addAttribute("notFound", true);
      model.addAttribute("code", code);
      return "documents/verify";
    }
    model.addAttribute("verified", found);
    return "documents/verify";
  }
}
