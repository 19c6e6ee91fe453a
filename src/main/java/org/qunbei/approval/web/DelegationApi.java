package org.qunbei.approval.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.Delegation;
import org.qunbei.approval.DelegationRequest;
import org.qunbei.approval.DelegationService;
import org.qunbei.system.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/me/delegations} of API.md: the caller's delegations while away (委托). */
@RestController
class DelegationApi {

  private final DelegationService delegations;
  private final JsonBodies bodies;

  DelegationApi(DelegationService delegations, JsonBodies bodies) {
    this.delegations = delegations;
    this.bodies = bodies;
  }

  /** Anyone's own (none for who decides nothing); creating one is for deciders only. */
  @GetMapping("/api/me/delegations")
  List<DelegationView> list(CurrentUser user) {
    LocalDate today = delegations.today();
    return delegations.of(user).stream().map(d -> DelegationView.of(d, today)).toList();
  }

  @PostMapping(path = "/api/me/delegations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DelegationView> create(CurrentUser user, @RequestBody JsonNode body) {
    Delegation d = delegations.create(user, bodies.read(body, DelegationRequest.class));
    return ResponseEntity.created(URI.create("/api/me/delegations/" + d.id()))
        .body(DelegationView.of(d, delegations.today()));
  }

  @DeleteMapping("/api/me/delegations/{id}")
  ResponseEntity<Void> cancel(CurrentUser user, @PathVariable long id) {
    delegations.cancel(user, id);
    return ResponseEntity.noContent().build();
  }

  /**
   * A delegation as the API shows it; {@code state} is SCHEDULED, ACTIVE, ENDED or CANCELLED today.
   */
  record DelegationView(
      Long id,
      String delegate,
      String delegateName,
      LocalDate from,
      LocalDate to,
      String state,
      Instant createdAt,
      Instant endedAt) {

    static DelegationView of(Delegation d, LocalDate today) {
      return new DelegationView(
          d.id(),
          d.delegate(),
          d.delegateName(),
          d.startsOn(),
          d.endsOn(),
          d.stateOn(today).name(),
          d.createdAt(),
          d.endedAt());
    }
  }
}
