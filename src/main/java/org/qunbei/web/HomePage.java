package org.qunbei.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends each user where their work is, after sign-in: the administrators to their console or the
 * trail, the cyberspace office to the registry, approvers to their inbox, departments to their
 * filings.
 */
@Controller
class HomePage {

  @GetMapping("/")
  String home(Authentication auth) {
    Set<String> roles =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    if (roles.contains("ROLE_SYSTEM_ADMIN") || roles.contains("ROLE_SECURITY_ADMIN")) {
      return "redirect:/admin/users";
    }
    if (roles.contains("ROLE_AUDITOR")) {
      return "redirect:/audit";
    }
    if (roles.contains("ROLE_CYBERSPACE_OFFICE")) {
      return "redirect:/registry";
    }
    boolean decides =
        roles.stream()
            .anyMatch(
                r ->
                    r.equals("ROLE_DEPARTMENT_HEAD")
                        || r.equals("ROLE_CONFIDENTIALITY_OFFICE")
                        || r.equals("ROLE_PARTY_OFFICE")
                        || r.equals("ROLE_LEADER"));
    return decides && !roles.contains("ROLE_APPLICANT")
        ? "redirect:/tasks"
        : "redirect:/filings/mine";
  }
}
