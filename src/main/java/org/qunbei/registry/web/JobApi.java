package org.qunbei.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.jobs.JobKind;
import org.qunbei.registry.jobs.JobStatus;
import org.qunbei.registry.jobs.RegistryJob;
import org.qunbei.registry.jobs.RegistryJobs;
import org.qunbei.registry.paper.ImportIssue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports for scripts: {@code POST /api/registry/imports} with the workbook as the body starts a
 * job (202 and its {@code Location}); {@code GET /api/registry/jobs/{id}} tells how it stands and,
 * once finished, the report.
 */
@RestController
public class JobApi {

  private final RegistryJobs jobs;

  JobApi(RegistryJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping(
      value = "/api/registry/imports",
      consumes = {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/octet-stream"
      })
  ResponseEntity<JobBody> startImport(
      CurrentUser user,
      @RequestParam(name = "fileName", required = false) String fileName,
      HttpServletRequest request)
      throws IOException {
    try (InputStream in = request.getInputStream()) {
      RegistryJob job = jobs.startImport(user, fileName, in);
      return ResponseEntity.accepted()
          .location(URI.create("/api/registry/jobs/" + job.id()))
          .body(JobBody.of(job, List.of()));
    }
  }

  @GetMapping("/api/registry/jobs/{id}")
  JobBody job(CurrentUser user, @PathVariable long id) {
    RegistryJob job = jobs.get(user, id);
    boolean report = job.kind() == JobKind.IMPORT && job.status().isFinished();
    return JobBody.of(job, report ? jobs.issues(user, id) : List.of());
  }

  record JobBody(
      long id,
      JobKind kind,
      JobStatus status,
      int percent,
      int totalRows,
      int importedRows,
      int skippedRows,
      int badRows,
      String message,
      List<ImportIssue> issues) {
    static JobBody of(RegistryJob j, List<ImportIssue> issues) {
      return new JobBody(
          j.id(),
          j.kind(),
          j.status(),
          j.percent(),
          j.totalRows(),
          j.importedRows(),
          j.skippedRows(),
          j.badRows(),
          j.message(),
          issues);
    }
  }
}
