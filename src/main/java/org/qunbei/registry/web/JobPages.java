package org.qunbei.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.export.RegistryExport;
import org.qunbei.registry.jobs.RegistryJob;
import org.qunbei.registry.jobs.RegistryJobs;
import org.qunbei.registry.paper.ImportTemplate;
import org.qunbei.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of the registry's background jobs: starting an export from the registry list, the
 * import page with its template, and a job's page, whose progress bar htmx refreshes until the job
 * is done.
 */
@Controller
public class JobPages {

  private final RegistryJobs jobs;
  private final ImportTemplate template;
  private final Clock clock;
  private final org.qunbei.system.Messages messages;

  JobPages(
      RegistryJobs jobs,
      ImportTemplate template,
      Clock clock,
      org.qunbei.system.Messages messages) {
    this.messages = messages;
    this.jobs = jobs;
    this.template = template;
    this.clock = clock;
  }

  @PostMapping("/registry/export")
  String export(CurrentUser user, @RequestParam Map<String, String> params) {
    return "redirect:/jobs/" + jobs.startExport(user, params).id();
  }

  @GetMapping("/registry/import")
  String importPage(CurrentUser user, Model model) {
    jobs.requireImporter(user);
    model.addAttribute("jobs", jobs.recent(user));
    model.addAttribute("now", clock.instant());
    return "registry/import";
  }

  @PostMapping("/registry/import")
  String importSheet(
      CurrentUser user,
      @RequestParam("file") MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    jobs.requireImporter(user);
    try {
      if (file.isEmpty()) {
        throw InvalidInputException.upload(
            "file", "upload.field.paperSheet", "registry.import.empty");
      }
      try (InputStream in = file.getInputStream()) {
        return "redirect:/jobs/" + jobs.startImport(user, file.getOriginalFilename(), in).id();
      }
    } catch (InvalidInputException e) {
      // Refused before any job was made: the page again, 400, the reason naming the upload.
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("uploadError", messages.text(e.violations().list().get(0)));
      return importPage(user, model);
    }
  }

  /**
   * The blank paper-era template is open to everyone signed in: it holds no data, and a department
   * fills it to hand its paper records to the office, which imports them.
   */
  @GetMapping("/registry/import/template")
  void importTemplate(HttpServletResponse response) throws IOException {
    attachment(response, ImportTemplate.FILE_NAME);
    template.write(response.getOutputStream());
  }

  @GetMapping("/jobs")
  String list(CurrentUser user, Model model) {
    model.addAttribute("jobs", jobs.recent(user));
    model.addAttribute("now", clock.instant());
    return "registry/jobs";
  }

  @GetMapping("/jobs/{id}")
  String job(CurrentUser user, @PathVariable long id, Model model) {
    show(user, id, model);
    return "registry/job";
  }

  /** The part of the job page that htmx reloads while the job runs. */
  @GetMapping("/jobs/{id}/progress")
  String progress(CurrentUser user, @PathVariable long id, Model model) {
    show(user, id, model);
    return "registry/job :: progress";
  }

  @GetMapping("/jobs/{id}/file")
  void file(CurrentUser user, @PathVariable long id, HttpServletResponse response)
      throws IOException {
    // Checked before any header is set: a refusal must not go out labelled as a workbook.
    RegistryJob job = jobs.finishedExport(user, id);
    attachment(response, job.fileName());
    jobs.writeFile(job, response.getOutputStream());
  }

  private void show(CurrentUser user, long id, Model model) {
    RegistryJob job = jobs.get(user, id);
    model.addAttribute("job", job);
    model.addAttribute("status", job.status());
    model.addAttribute("message", job.message());
    if (job.kind() == org.qunbei.registry.jobs.JobKind.IMPORT && job.status().isFinished()) {
      model.addAttribute("issues", jobs.issues(user, id));
    }
  }

  static void attachment(HttpServletResponse response, String fileName) {
    response.setContentType(RegistryExport.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition",
        ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8)
            .build()
            .toString());
  }
}
