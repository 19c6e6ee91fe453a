package org.qunbei.approval.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.ApprovalService;
import org.qunbei.approval.BatchDecisionRequest;
import org.qunbei.approval.BatchDecisions;
import org.qunbei.approval.DecisionRequest;
import org.qunbei.approval.Inbox;
import org.qunbei.approval.TaskEntry;
import org.qunbei.approval.TransferRequest;
import org.qunbei.filing.Filing;
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

/** The approval calls of API.md: the inbox, a decision, a batch of them, a hand-over. */
@RestController
class ApprovalApi {

  private final ApprovalService approvals;
  private final BatchDecisions batchDecisions;
  private final Inbox inbox;
  private final JsonBodies bodies;

  ApprovalApi(
      ApprovalService approvals, BatchDecisions batchDecisions, Inbox inbox, JsonBodies bodies) {
    this.approvals = approvals;
    this.batchDecisions = batchDecisions;
    this.inbox = inbox;
    this.bodies = bodies;
  }

  @GetMapping("/api/tasks")
  TaskPage tasks(
      CurrentUser user,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    org.qunbei.shared.Paging.checkRequested(page, size);
    return TaskPage.of(inbox.tasks(user, page, size));
  }

  @PostMapping(path = "/api/filings/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Decided> decide(
      CurrentUser user,
      @PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody JsonNode body) {
    DecisionRequest request = bodies.read(body, DecisionRequest.class);
    var f = approvals.decide(user, id, request, IfMatch.version(ifMatch));
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

  /**
   * Batch approval: each filing decided on its own; 200 with a result per filing (its own status
   * and, when refused, why), so that one refused leaves the others decided.
   */
  @PostMapping(path = "/api/tasks/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  BatchResults decideAll(CurrentUser user, @RequestBody JsonNode body) {
    BatchDecisionRequest batch = bodies.read(body, BatchDecisionRequest.class);
    return new BatchResults(
        batchDecisions
            .decide(user, batch.items(), new DecisionRequest(batch.decision(), batch.opinion()))
            .stream()
            .map(BatchResult::of)
            .toList());
  }

  record BatchResults(List<BatchResult> results) {}

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record BatchResult(long id, int status, String detail, String filingStatus, String currentStep) {
    static BatchResult of(BatchDecisions.Outcome o) {
      int status =
          switch (o.result()) {
            case DECIDED -> 200;
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
          };
      return new BatchResult(
          o.id(),
          status,
          o.detail(),
          o.decided() ? o.filing().status().name() : null,
          o.decided() ? o.filing().currentStep() : null);
    }
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
