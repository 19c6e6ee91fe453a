package org.qunbei.accounts.internal;

import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.system.JsonBodies;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/admin/users/{username}/roles} of API.md ("Administration"). */
@RestController
class AdminApi {

  private final RoleAdministration roles;
  private final JsonBodies bodies;

  AdminApi(RoleAdministration roles, JsonBodies bodies) {
    this.roles = roles;
    this.bodies = bodies;
  }

  record Granted(String username, Set<Role> roles) {}

  @PutMapping(path = "/api/admin/users/{username}/roles", consumes = "application/json")
  Granted grant(CurrentUser user, @PathVariable String username, @RequestBody JsonNode body) {
    RolesBody b = bodies.read(body, RolesBody.class);
    return new Granted(username, roles.grant(user, username, b.roles(), b.reason()));
  }
}
