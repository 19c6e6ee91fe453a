package org.qunbei.registry.web;

import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.Registry;
import org.qunbei.registry.RegistryEntry;
import org.qunbei.registry.RegistryPage;
import org.qunbei.registry.RegistryQuery;
import org.qunbei.registry.export.RegistryExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/filings}: the registry, scoped to the caller. */
@RestController
public class RegistryApi {

  private final Registry registry;
  private final RegistryExport export;
  private final org.springframework.context.ApplicationEventPublisher events;

  RegistryApi(
      Registry registry,
      RegistryExport export,
      org.springframework.context.ApplicationEventPublisher events) {
    this.registry = registry;
    this.export = export;
    this.events = events;
  }

  /**
   * The registry as .xlsx, with the list's filters and scope, written straight to the response (the
   * page runs the same export as a background job with a progress bar instead).
   */
  @GetMapping("/api/filings/export")
  void export(
      CurrentUser user,
      @RequestParam Map<String, String> params,
      jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    RegistryQuery query = RegistryQuery.parse(params);
    events.publishEvent(
        new org.qunbei.shared.Accessed(
            org.qunbei.shared.Accessed.Kind.EXPORT_DOWNLOADED, null, "api " + params));
    response.setContentType(RegistryExport.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition",
        org.springframework.http.ContentDisposition.attachment()
            .filename(export.fileName(), java.nio.charset.StandardCharsets.UTF_8)
            .build()
            .toString());
    export.write(user, query, response.getOutputStream(), done -> {});
  }

  @GetMapping("/api/filings")
  PageBody list(CurrentUser user, @RequestParam Map<String, String> params) {
    return PageBody.of(registry.search(user, RegistryQuery.parse(params)));
  }

  /**
   * {@code totalExact} false: more than {@code totalElements} match (counted up to 1,000, {@code
   * qunbei.registry.counted}), and {@code totalPages} is as far as that count reaches. {@code
   * next}, given only when more lines follow: pass it as {@code after=} for the next page of a long
   * list (the default sort, department, type, status, group name), however deep; a page after a
   * cursor is not counted again ({@code totalExact} false, {@code totalElements} its lines up to
   * its end, with a {@code page} the lines before it too).
   */
  record PageBody(
      List<RegistryEntry> content,
      long totalElements,
      boolean totalExact,
      int totalPages,
      int page,
      int size,
      String next) {
    static PageBody of(RegistryPage p) {
      return new PageBody(
          p.getContent(),
          p.getTotalElements(),
          p.isTotalExact(),
          p.getTotalPages(),
          p.getNumber(),
          p.getSize(),
          p.next());
    }
  }
}
