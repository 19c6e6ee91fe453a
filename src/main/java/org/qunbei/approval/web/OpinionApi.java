package org.qunbei.approval.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.OpinionBook;
import org.qunbei.approval.OpinionRequest;
import org.qunbei.approval.StockOpinionEntry;
import org.qunbei.system.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Stock opinions (常用意见): {@code GET/POST /api/me/opinions}, {@code DELETE …/{id}}. */
@RestController
class OpinionApi {

  private final OpinionBook opinions;
  private final JsonBodies bodies;

  OpinionApi(OpinionBook opinions, JsonBodies bodies) {
    this.opinions = opinions;
    this.bodies = bodies;
  }

  /** A bounded list: the school's for the caller's steps, then at most 20 of the caller's own. */
  @GetMapping("/api/me/opinions")
  List<StockOpinionEntry> list(CurrentUser user) {
    return opinions.list(user);
  }

  @PostMapping(path = "/api/me/opinions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StockOpinionEntry> add(CurrentUser user, @RequestBody JsonNode body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(opinions.add(user, bodies.read(body, OpinionRequest.class)));
  }

  @DeleteMapping("/api/me/opinions/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable long id) {
    opinions.delete(user, id);
    return ResponseEntity.noContent().build();
  }
}
