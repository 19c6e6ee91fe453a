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
  private final org.springframework.core.env.Environment env;
  private final String publicUrl;
  private final org.springframework.context.ApplicationEventPublisher events;

  DocumentEndpoints(
      FilingPdf pdf,
      org.qunbei.documents.FilingWord word,
      org.springframework.core.env.Environment env,
      @org.springframework.beans.factory.annotation.Value("${qunbei.public-url:}") String publicUrl,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.pdf = pdf;
    this.word = word;
    this.env = env;
    this.publicUrl = publicUrl.strip();
  }

  @GetMapping({"/api/filings/{id}/docx", "/filings/{id}/docx"})
  ResponseEntity<byte[]> filingWord(CurrentUser user, @PathVariable long id) {
    byte[] docx = word.render(user, id, baseUrl());
    downloaded(id, "Word");
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename("filing-" + id + ".docx").build().toString())
        .body(docx);
  }

  /** Printed forms carry names and mobiles: who took one away is on the record. */
  private void downloaded(long id, String format) {
    events.publishEvent(
        new org.qunbei.shared.Accessed(
            org.qunbei.shared.Accessed.Kind.DOCUMENT_DOWNLOADED, id, format));
  }

  /**
   * Where the printed verification link points: the school's configured address ({@code
   * qunbei.public-url}), never the request's Host header, which whoever sends the request chooses;
   * without one (the embedded default) this machine's own port.
   */
  private String baseUrl() {
    if (!publicUrl.isEmpty()) {
      return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
    return "http://localhost:" + env.getProperty("local.server.port", "8080");
  }

  @GetMapping({"/api/filings/{id}/pdf", "/filings/{id}/pdf"})
  ResponseEntity<byte[]> filingPdf(CurrentUser user, @PathVariable long id) {
    byte[] bytes = pdf.render(user, id, baseUrl());
    downloaded(id, "PDF");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename("filing-" + id + ".pdf").build().toString())
        .body(bytes);
  }
}
