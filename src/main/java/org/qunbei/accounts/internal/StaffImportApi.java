package org.qunbei.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.system.Messages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/staff-imports}: HR's staff file in the body (.xlsx or .csv) answers with
 * the preview and changes nothing; {@code POST …/{id}/apply} accepts that preview. A sync job that
 * wants the directory updated in one call (as API.md has it) adds {@code ?apply=true}.
 */
@RestController
class StaffImportApi {

  private final StaffImporting importing;
  private final Messages messages;

  StaffImportApi(StaffImporting importing, Messages messages) {
    this.importing = importing;
    this.messages = messages;
  }

  /** One person's line: {@code notes} say what changes, or why the row is refused. */
  public record PersonBody(
      Integer line,
      String change,
      String staffNumber,
      String username,
      String name,
      String department,
      List<String> notes) {}

  public record DepartmentBody(String code, String name, String previousName) {}

  public record ImportBody(
      long id,
      String fileName,
      boolean applied,
      Instant appliedAt,
      String appliedBy,
      Map<String, Long> counts,
      List<DepartmentBody> departments,
      List<PersonBody> people) {}

  @PostMapping(
      value = "/api/admin/staff-imports",
      consumes = {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "text/csv",
        "application/octet-stream"
      })
  ResponseEntity<ImportBody> upload(
      CurrentUser user,
      @RequestParam(name = "fileName", required = false) String fileName,
      @RequestParam(name = "apply", defaultValue = "false") boolean apply,
      HttpServletRequest request)
      throws IOException {
    byte[] content;
    try (InputStream in = request.getInputStream()) {
      content = in.readNBytes(StaffImporting.MAX_BYTES + 1);
    }
    var preview = importing.preview(user, fileName, content);
    if (apply) {
      // A directory sync that has checked its own file applies it in the same call.
      preview = importing.apply(user, preview.staffImport().id());
    }
    return ResponseEntity.created(
            URI.create("/api/admin/staff-imports/" + preview.staffImport().id()))
        .body(body(preview));
  }

  @GetMapping("/api/admin/staff-imports/{id}")
  ImportBody show(CurrentUser user, @PathVariable long id) {
    return body(importing.show(user, id));
  }

  @PostMapping("/api/admin/staff-imports/{id}/apply")
  ImportBody apply(CurrentUser user, @PathVariable long id) {
    return body(importing.apply(user, id));
  }

  private ImportBody body(StaffImporting.Preview p) {
    var i = p.staffImport();
    if (p.plan() == null) {
      return new ImportBody(
          i.id(), i.fileName(), true, i.appliedAt(), i.appliedBy(), Map.of(), List.of(), List.of());
    }
    return new ImportBody(
        i.id(),
        i.fileName(),
        i.applied(),
        i.appliedAt(),
        i.appliedBy(),
        p.plan().counts().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().name(),
                    Map.Entry::getValue,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new)),
        p.plan().units().stream()
            .map(u -> new DepartmentBody(u.code(), u.name(), u.previousName()))
            .toList(),
        p.plan().people().stream()
            .map(
                r ->
                    new PersonBody(
                        r.line(),
                        r.change().name(),
                        r.staffNumber(),
                        r.username(),
                        r.name(),
                        r.department(),
                        r.notes().stream().map(messages::text).toList()))
            .toList());
  }
}
