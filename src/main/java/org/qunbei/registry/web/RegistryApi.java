package org.qunbei.registry.web;

import java.util.List;
import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.registry.Registry;
import org.qunbei.registry.RegistryEntry;
import org.qunbei.registry.RegistryQuery;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/filings}: the registry, scoped to the caller. */
@RestController
class RegistryApi {

  private final Registry registry;

  RegistryApi(Registry registry) {
    this.registry = registry;
  }

  @GetMapping("/api/filings")
  PageBody list(CurrentUser user, @RequestParam Map<String, String> params) {
    return PageBody.of(registry.search(user, RegistryQuery.parse(params)));
  }

  record PageBody(
      List<RegistryEntry> content, long totalElements, int totalPages, int page, int size) {
    static PageBody of(Page<RegistryEntry> p) {
      return new PageBody(
          p.getContent(), p.getTotalElements(), p.getTotalPages(), p.getNumber(), p.getSize());
    }
  }
}
