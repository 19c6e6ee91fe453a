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
 * department, status and date; holds the printout's content digests (from the QR link or typed off
 * the paper) against the filing's as it stands, section by section; and shows sections 二 and 三
 * without any phone number, to compare with the paper. No login; the code cannot be guessed from
 * the filing number.
 */
@Controller
class VerifyPage {

  private final Verifications verifications;
  private final FilingService filings;
  private final Directory directory;
  private final org.qunbei.system.Messages messages;
  private final org.qunbei.documents.PrintDigests digests;

  /** Anyone may check a printout, nobody may walk the codes: a budget per address a minute. */
  private final org.qunbei.shared.MinuteBudget checks;

  VerifyPage(
      Verifications verifications,
      FilingService filings,
      Directory directory,
      org.qunbei.system.Messages messages,
      org.qunbei.documents.PrintDigests digests,
      @org.springframework.beans.factory.annotation.Value("${qunbei.verify.per-minute:30}")
          int perMinute) {
    this.checks = new org.qunbei.shared.MinuteBudget(perMinute, java.time.Clock.systemUTC());
    this.verifications = verifications;
    this.filings = filings;
    this.directory = directory;
    this.messages = messages;
    this.digests = digests;
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
  String verify(
      @PathVariable String code,
      @RequestParam java.util.Map<String, String> params,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    if (!checks.take(request.getRemoteAddr())) {
      throw new org.qunbei.shared.TooSoonException("verify.tooMany");
    }
    model.addAttribute("code", code);
    var filing = verifications.filingOf(code).flatMap(filings::forVerification);
    if (filing.isEmpty()) {
      // The same page, saying so, with the status a link checker or a script can tell apart.
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("notFound", true);
      return "documents/verify";
    }
    org.qunbei.filing.Filing f = filing.get();
    model.addAttribute(
        "verified",
        new VerifiedFiling(
            f.number(),
            f.groupName(),
            directory.nameOf(f.departmentCode()),
            messages.label(f.status()),
            f.filledOn()));
    // A version whose change filing was filed: its own digest still verifies, as that version's.
    model.addAttribute("earlier", f.status() == org.qunbei.filing.FilingStatus.SUPERSEDED);
    org.qunbei.documents.PrintDigest current = digests.of(f);
    DigestCheck check = DigestCheck.of(current, params);
    if (!check.errors().isEmpty()) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
    }
    model.addAttribute("digest", current);
    model.addAttribute("check", check);
    model.addAttribute(
        "differing",
        String.join(
            messages.text("verify.digest.joiner"),
            check.differing().stream().map(messages::label).toList()));
    model.addAttribute("sections", org.qunbei.documents.DigestSection.values());
    model.addAttribute(
        "publicContent", org.qunbei.documents.VerifiedContent.of(f.content().normalized()));
    return "documents/verify";
  }
}
