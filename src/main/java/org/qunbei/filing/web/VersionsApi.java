package org.qunbei.filing.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.filing.ChangeRequest;
import org.qunbei.filing.DissolutionRequest;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingKind;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.FormDiff;
import org.qunbei.system.JsonBodies;
import org.qunbei.system.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The living registry's calls of API.md: change filings, dissolution reports, a group's versions
 * and their diff.
 */
@RestController
@RequestMapping("/api/filings")
class VersionsApi {

  private final FilingService service;
  private final FilingViews views;
  private final JsonBodies bodies;
  private final Messages messages;

  VersionsApi(FilingService service, FilingViews views, JsonBodies bodies, Messages messages) {
    this.service = service;
    this.views = views;
    this.bodies = bodies;
    this.messages = messages;
  }

  @PostMapping(path = "/{id}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<FilingView> startChange(
      CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
    Filing change = service.startChange(user, id, bodies.read(body, ChangeRequest.class));
    return ResponseEntity.created(URI.create("/api/filings/" + change.id()))
        .eTag(FilingApi.etag(change))
        .body(views.of(user, change));
  }

  @PostMapping(path = "/{id}/dissolution", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<FilingView> reportDissolution(
      CurrentUser user, @PathVariable long id, @RequestBody JsonNode body) {
    Filing f = service.reportDissolution(user, id, bodies.read(body, DissolutionRequest.class));
    return ResponseEntity.created(URI.create("/api/filings/" + f.id()))
        .eTag(FilingApi.etag(f))
        .body(views.of(user, f));
  }

  @GetMapping("/{id}/versions")
  List<Version> versions(CurrentUser user, @PathVariable long id) {
    return service.versions(user, id).stream().map(Version::of).toList();
  }

  @GetMapping("/{id}/diff")
  Diff diff(CurrentUser user, @PathVariable long id, @RequestParam long from) {
    List<FieldChange> changes =
        service.compare(user, id, from).stream()
            .filter(FormDiff.Row::changed)
            .map(r -> new FieldChange(r.path(), messages.text(r.field().label()), r.from(), r.to()))
            .toList();
    return new Diff(from, id, changes);
  }

  record Version(
      Long id,
      String number,
      FilingKind kind,
      FilingStatus status,
      LocalDate changedOn,
      String changeReason,
      Instant filedAt) {
    static Version of(Filing f) {
      return new Version(
          f.id(),
          f.number(),
          f.lineage().kind(),
          f.status(),
          f.lineage().changedOn(),
          f.lineage().changeReason(),
          f.filedAt());
    }
  }

  record FieldChange(String field, String label, Object from, Object to) {}

  record Diff(long fromId, long toId, List<FieldChange> changes) {}
}
