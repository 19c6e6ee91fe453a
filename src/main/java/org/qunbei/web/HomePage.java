package org.qunbei.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each user where their work is: the registry for the offices, the list for departments. */
@Controller
class HomePage {

  @GetMapping("/")
  String home(Authentication auth) {
    boolean office =
        auth.getAuthorities().stream()
            .anyMatch(
                a ->
                    a.getAuthority().equals("ROLE_CYBERSPACE_OFFICE")
                        || a.getAuthority().equals("ROLE_SYSTEM_ADMIN"));
    return office ? "redirect:/registry" : "redirect:/filings/mine";
  }
}
