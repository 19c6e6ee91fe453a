package org.qunbei.registry.web;

import java.util.Map;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.registry.Registry;
import org.qunbei.registry.RegistryPage;
import org.qunbei.registry.RegistryQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The registry page (cyberspace office) and the department's own list. */
@Controller
public class RegistryPages {

  private final Registry registry;
  private final Directory directory;

  RegistryPages(Registry registry, Directory directory) {
    this.registry = registry;
    this.directory = directory;
  }

  @GetMapping("/registry")
  String registry(CurrentUser user, @RequestParam Map<String, String> params, Model model) {
    RegistryQuery query = RegistryQuery.parse(params);
    return list(model, registry.search(user, query), query, "/registry", "nav.registry");
  }

  @GetMapping("/filings/mine")
  String mine(CurrentUser user, @RequestParam Map<String, String> params, Model model) {
    RegistryQuery query = RegistryQuery.parse(params);
    return list(model, registry.mine(user, query), query, "/filings/mine", "nav.mine");
  }

  /** {@code heading} is a message code: the page reads in the reader's language. */
  private String list(
      Model model, RegistryPage page, RegistryQuery query, String base, String heading) {
    model.addAttribute("page", page);
    // The pager says "more than" when the count stopped (a shared fragment: other lists have none).
    model.addAttribute("totalExact", page.isTotalExact());
    model.addAttribute("query", query);
    model.addAttribute("base", base);
    // A list within the count pages by number (cheap that near its start, and the pager says
    // "page 2 of 3"); a longer one goes on by cursor, which no depth slows.
    if (page.next() != null && !page.isTotalExact()) {
      model.addAttribute("nextHref", base + query.nextQueryString(page));
    }
    model.addAttribute("walked", page.isWalked());
    model.addAttribute("heading", heading);
    model.addAttribute("departments", directory.all());
    return "registry/list";
  }
}
