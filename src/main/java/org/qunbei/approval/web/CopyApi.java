package org.qunbei.approval.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.Copies;
import org.qunbei.approval.CopyEntry;
import org.qunbei.approval.CopyRequest;
import org.qunbei.system.JsonBodies;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** 抄送 for scripts: {@code POST /api/filings/{id}/copies}, {@code GET /api/me/copies}. */
@RestController
class CopyApi {

  private final Copies copies;
  private final JsonBodies bodies;

  CopyApi(Copies copies, JsonBodies bodies) {
    this.copies = copies;
    this.bodies = bodies;
  }

  @PostMapping(path = "/api/filings/{id}/copies", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Copied> copy(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
    List<String> to = copies.copy(user, id, bodies.read(body, CopyRequest.class));
    return ResponseEntity.status(HttpStatus.CREATED).body(new Copied(id, to));
  }

  @GetMapping("/api/me/copies")
  CopyPage mine(
      CurrentUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    org.qunbei.shared.Paging.checkRequested(page, size);
    return CopyPage.of(copies.mine(user, page, size), copies.unread(user));
  }

  /** The filing and the people it was copied to just now. */
  record Copied(long filingId, List<String> users) {}

  record CopyPage(
      List<CopyEntry> content,
      long totalElements,
      int totalPages,
      int page,
      int size,
      long unread) {
    static CopyPage of(Page<CopyEntry> p, long unread) {
      return new CopyPage(
          p.getContent(),
          p.getTotalElements(),
          p.getTotalPages(),
          p.getNumber(),
          p.getSize(),
          unread);
    }
  }
}
