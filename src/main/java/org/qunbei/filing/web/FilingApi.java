package org.qunbei.filing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.GroupQrCode;
import org.qunbei.system.IfMatch;
import org.qunbei.system.JsonBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The filing calls of API.md. Every response carries the filing's version as its ETag. */
@RestController
@RequestMapping("/api/filings")
class FilingApi {

  private final FilingService service;
  private final FilingViews views;
  private final JsonBodies bodies;

  FilingApi(FilingService service, FilingViews views, JsonBodies bodies) {
    this.service = service;
    this.views = views;
    this.bodies = bodies;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<FilingView> create(CurrentUser user, @RequestBody JsonNode body) {
    Filing f = service.createDraft(user, bodies.read(body, FilingContent.class));
    return ResponseEntity.created(URI.create("/api/filings/" + f.id()))
        .eTag(etag(f))
        .body(views.of(user, f));
  }

  @GetMapping("/{id}")
  ResponseEntity<FilingView> get(CurrentUser user, @PathVariable long id) {
    Filing f = service.get(user, id);
    return ResponseEntity.ok().eTag(etag(f)).body(views.of(user, f));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<FilingView> update(
      CurrentUser user,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode body) {
    Filing f =
        service.update(user, id, bodies.read(body, FilingContent.class), IfMatch.version(ifMatch));
    return ResponseEntity.ok().eTag(etag(f)).body(views.of(user, f));
  }

  @PostMapping("/{id}/submit")
  ResponseEntity<FilingView> submit(
      CurrentUser user,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Filing f = service.submit(user, id, IfMatch.version(ifMatch));
    return ResponseEntity.ok().eTag(etag(f)).body(views.of(user, f));
  }

  /** A new draft from an earlier filing's content (a rejected filing is final). */
  @PostMapping("/{id}/copy")
  ResponseEntity<FilingView> copy(CurrentUser user, @PathVariable long id) {
    Filing f = service.copyAsDraft(user, id);
    return ResponseEntity.created(URI.create("/api/filings/" + f.id()))
        .eTag(etag(f))
        .body(views.of(user, f));
  }

  @PostMapping("/{id}/withdraw")
  ResponseEntity<FilingView> withdraw(
      CurrentUser user,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Filing f = service.withdraw(user, id, IfMatch.version(ifMatch));
    return ResponseEntity.ok().eTag(etag(f)).body(views.of(user, f));
  }

  @PutMapping(
      path = "/{id}/qr-code",
      consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
  FilingView.QrCodeView uploadQrCode(
      CurrentUser user,
      @PathVariable long id,
      HttpServletRequest request,
      @RequestBody byte[] image) {
    return FilingView.QrCodeView.of(
        id, service.attachQrCode(user, id, image, request.getContentType(), null));
  }

  @GetMapping("/{id}/qr-code")
  ResponseEntity<byte[]> qrCode(CurrentUser user, @PathVariable long id) {
    GroupQrCode qr =
        service
            .qrCode(user, id)
            .orElseThrow(() -> new org.qunbei.shared.NotFoundException("qr code of " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(qr.contentType()))
        .body(qr.image());
  }

  static String etag(Filing f) {
    return "\"" + f.version() + "\"";
  }
}
