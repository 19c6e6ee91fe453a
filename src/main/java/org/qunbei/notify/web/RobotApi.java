package org.qunbei.notify.web;

import java.net.URI;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.notify.Robot;
import org.qunbei.notify.RobotAdministration;
import org.qunbei.notify.RobotInput;
import org.qunbei.system.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The system administrator's group robots, shaped like the other administration calls: {@code GET
 * /api/admin/robots}, {@code POST} (201), {@code PUT /api/admin/robots/{id}}, {@code DELETE} (204)
 * and {@code POST /api/admin/robots/{id}/test}, which posts a test message now and answers with the
 * robot and how the post went. Bodies: {@code { "name", "kind": "WECOM"|"DINGTALK"|"FEISHU", "url",
 * "secret", "department", "step", "enabled" }}.
 */
@RestController
class RobotApi {

  private final RobotAdministration robots;
  private final JsonBodies bodies;

  RobotApi(RobotAdministration robots, JsonBodies bodies) {
    this.robots = robots;
    this.bodies = bodies;
  }

  @GetMapping("/api/admin/robots")
  List<RobotView> list(CurrentUser user) {
    return robots.list(user).stream().map(RobotView::of).toList();
  }

  @PostMapping(path = "/api/admin/robots", consumes = "application/json")
  ResponseEntity<RobotView> create(CurrentUser user, @RequestBody JsonNode body) {
    Robot r = robots.create(user, bodies.read(body, RobotInput.class));
    return ResponseEntity.created(URI.create("/api/admin/robots/" + r.id()))
        .body(RobotView.of(r, null));
  }

  @PutMapping(path = "/api/admin/robots/{id}", consumes = "application/json")
  RobotView update(CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
    robots.update(user, id, bodies.read(body, RobotInput.class));
    return RobotView.of(robots.get(user, id));
  }

  @DeleteMapping("/api/admin/robots/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(CurrentUser user, @PathVariable long id) {
    robots.delete(user, id);
  }

  @PostMapping("/api/admin/robots/{id}/test")
  RobotView test(CurrentUser user, @PathVariable long id) {
    robots.test(user, id);
    return RobotView.of(robots.get(user, id));
  }
}
