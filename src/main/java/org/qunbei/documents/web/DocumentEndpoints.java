package org.qunbei.documents.web;

import org.qunbei.accounts.CurrentUser;
import org.qunbei.documents.FilingPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The filled form as PDF, for the API ({@code /api/filings/{id}/pdf}) and the page link. */
@RestController
class DocumentEndpoints {

  private final FilingPdf pdf;
  private final org.qunbei.documents.FilingWord word;

  DocumentEndpoints(FilingPdf pdf, org.qunbei.documents.FilingWord word) {
    this.pdf = pdf;
    this.word = word;
  }

  @GetMapping({"/api/filings/{id}/docx", "/filings/{id}/docx"})
  ResponseEntity<byte[]> filingWord(CurrentUser user, @PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("filing-" + id + ".docx").build().toString())
        .body(word.render(user, id, baseUrl()));
  }

  /** Where this request reached Qunbei: the verification link points back to the same place. */
  private static String baseUrl() {
    return org.springframework.web.servlet.support.ServletUriComponentsBuilder
        .fromCurrentContextPath()
        .build()
        .toUriString();
  }

  @GetMapping({"/api/filings/{id}/pdf", "/filings/{id}/pdf"})
  ResponseEntity<byte[]> filingPdf(CurrentUser user, @PathVariable long id) {
    byte[] bytes = pdf.render(user, id, baseUrl());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename("filing-" + id + ".pdf").build().toString())
        .body(bytes);
  }
}
