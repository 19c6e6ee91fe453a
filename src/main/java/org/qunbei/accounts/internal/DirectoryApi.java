package org.qunbei.accounts.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentInfo;
import org.qunbei.accounts.Role;
import org.qunbei.system.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The directory and accounts calls of API.md ("Administration"), and {@code POST /api/me/password}.
 */
@RestController
class DirectoryApi {

  private final DirectoryAdministration directory;
  private final Passwords passwords;
  private final JsonBodies bodies;

  DirectoryApi(DirectoryAdministration directory, Passwords passwords, JsonBodies bodies) {
    this.directory = directory;
    this.passwords = passwords;
    this.bodies = bodies;
  }

  record Account(
      String username,
      String name,
      String department,
      String staffNumber,
      String email,
      boolean enabled,
      boolean departed,
      boolean mustChangePassword,
      Set<Role> roles) {
    static Account of(UserAccount a) {
      return new Account(
          a.username(),
          a.displayName(),
          a.departmentCode(),
          a.staffNumber(),
          a.email(),
          a.enabled(),
          a.departed(),
          a.mustChangePassword(),
          a.roles());
    }
  }

  /** A department as API.md writes it: {@code { "code", "name", "kind", "head", "leader" }}. */
  record DepartmentView(
      String code,
      String name,
      org.qunbei.accounts.DepartmentKind kind,
      String head,
      String leader) {
    static DepartmentView of(Department d) {
      DepartmentInfo i = d.info();
      return new DepartmentView(i.code(), i.name(), i.kind(), i.headUsername(), i.leaderUsername());
    }
  }

  @GetMapping("/api/admin/departments")
  List<DepartmentView> departments(CurrentUser user) {
    directory.users(user); // the administrators' list
    return directory.departments().stream().map(DepartmentView::of).toList();
  }

  @PostMapping(path = "/api/admin/departments", consumes = "application/json")
  ResponseEntity<DepartmentView> createDepartment(CurrentUser user, @RequestBody JsonNode body) {
    Department d =
        directory.createDepartment(user, bodies.read(body, DirectoryBodies.DepartmentBody.class));
    return ResponseEntity.created(URI.create("/api/admin/departments/" + d.code()))
        .body(DepartmentView.of(d));
  }

  @PutMapping(path = "/api/admin/departments/{code}", consumes = "application/json")
  DepartmentView updateDepartment(
      CurrentUser user, @PathVariable String code, @RequestBody JsonNode body) {
    return DepartmentView.of(
        directory.updateDepartment(
            user, code, bodies.read(body, DirectoryBodies.DepartmentBody.class)));
  }

  @GetMapping("/api/admin/users")
  List<Account> users(CurrentUser user) {
    return directory.users(user).stream().map(Account::of).toList();
  }

  @PostMapping(path = "/api/admin/users", consumes = "application/json")
  ResponseEntity<DirectoryAdministration.NewAccount> createUser(
      CurrentUser user, @RequestBody JsonNode body) {
    var created = directory.createUser(user, bodies.read(body, DirectoryBodies.UserBody.class));
    return ResponseEntity.created(URI.create("/api/admin/users/" + created.username()))
        .body(created);
  }

  @PutMapping(path = "/api/admin/users/{username}", consumes = "application/json")
  Account updateUser(CurrentUser user, @PathVariable String username, @RequestBody JsonNode body) {
    return Account.of(
        directory.updateUser(user, username, bodies.read(body, DirectoryBodies.UserBody.class)));
  }

  @PostMapping("/api/admin/users/{username}/password-reset")
  DirectoryAdministration.NewAccount reset(CurrentUser user, @PathVariable String username) {
    return directory.resetPassword(user, username);
  }

  /** What is waiting on the person, to hand on: {@code { "tasks", "heads", "leads" }}. */
  @GetMapping("/api/admin/users/{username}/open-work")
  OpenWorkOf.Held openWork(CurrentUser user, @PathVariable String username) {
    return directory.openWork(user, username);
  }

  /** Ends every session of the person, on every node; {@code { "ended": n }}. */
  @PostMapping("/api/admin/users/{username}/sessions/end")
  java.util.Map<String, Integer> endSessions(CurrentUser user, @PathVariable String username) {
    return java.util.Map.of("ended", directory.endSessions(user, username));
  }

  /** {@code { "current", "new" }}: "new" is no Java name, so the body is read by hand. */
  @PostMapping(path = "/api/me/password", consumes = "application/json")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void changePassword(CurrentUser user, @RequestBody JsonNode body) {
    passwords.change(user, text(body, "current"), text(body, "new"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body == null ? null : body.get(field);
    return n == null || !n.isString() ? null : n.asString();
  }
}
