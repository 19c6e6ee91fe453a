package org.qunbei.accounts.internal;

import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.system.JsonBodies;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The security administrator's rule of which roles sign in with a second factor. */
@RestController
class SecondFactorApi {

  private final SecondFactor secondFactor;
  private final JsonBodies bodies;

  SecondFactorApi(SecondFactor secondFactor, JsonBodies bodies) {
    this.secondFactor = secondFactor;
    this.bodies = bodies;
  }

  @GetMapping("/api/admin/security/second-factor")
  Required required(CurrentUser user) {
    if (!user.has(Role.SECURITY_ADMIN)) {
      throw new org.qunbei.shared.ForbiddenException("secondFactor.notSecurityAdmin");
    }
    return new Required(secondFactor.requiredFor());
  }

  /** Which roles need the second factor. */
  public record Required(Set<Role> roles) {}

  /** {@code { "roles": ["SYSTEM_ADMIN", "SECURITY_ADMIN"] }} */
  @PutMapping(path = "/api/admin/security/second-factor", consumes = "application/json")
  Required require(CurrentUser user, @RequestBody JsonNode body) {
    Required b = bodies.read(body, Required.class);
    // A null in the list chooses nothing, as in the filing's choice sets.
    Set<Role> roles =
        b.roles() == null
            ? Set.of()
            : b.roles().stream()
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    return new Required(secondFactor.require(user, roles));
  }
}
