package org.qunbei.approval.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.ApprovalService;
import org.qunbei.approval.DecisionRequest;
import org.qunbei.approval.Inbox;
import org.qunbei.approval.TaskEntry;
import org.qunbei.approval.TransferRequest;
import org.qunbei.filing.Filing;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.system.IfMatch;
import org.qunbei.system.JsonBodies;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/tasks} and {@code POST /api/filings/{id}/decisions} of API.md. */
@RestController
class ApprovalApi {

  private final ApprovalService approvals;
  private final Inbox inbox;
  private final JsonBodies bodies;

  ApprovalApi(ApprovalService approvals, Inbox inbox, JsonBodies bodies) {
    this.approvals = approvals;
    this.inbox = inbox;
    this.bodies = bodies;
  }

  @GetMapping("/api/tasks")
  TaskPage tasks(
      CurrentUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw InvalidInputException.of("page", "query.page.invalid");
    }
    if (size < 1 || size > 100) {
      throw InvalidInputException.of("size", "query.size.invalid");
    }
    return TaskPage.of(inbox.tasks(user, page, size));
  }

  @PostMapping(path = "/api/filings/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Decided> decide(
      CurrentUser user,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode body) {
    DecisionRequest request = bodies.read(body, DecisionRequest.class);
    Filing f = approvals.decide(user, id, request, IfMatch.version(ifMatch));
    return ResponseEntity.ok()
        .eTag("\"" + f.version() + "\"")
        .body(new Decided(f.id(), f.status().name(), f.currentStep(), f.version()));
  }

  @PostMapping(path = "/api/filings/{id}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Decided> transfer(
      CurrentUser user,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode body) {
    Filing f =
        approvals.transfer(
            user, id, bodies.read(body, TransferRequest.class), IfMatch.version(ifMatch));
    return ResponseEntity.ok()
        .eTag("\"" + f.version() + "\"")
        .body(new Decided(f.id(), f.status().name(), f.currentStep(), f.version()));
  }

  /** Where the filing stands after the decision. */
  record Decided(Long id, String status, String currentStep, long version) {}

  record TaskPage(List<TaskEntry> content, long totalElements, int totalPages, int page, int size) {
    static TaskPage of(Page<TaskEntry> p) {
      return new TaskPage(
          p.getContent(), p.getTotalElements(), p.getTotalPages(), p.getNumber(), p.getSize());
    }
  }
}
