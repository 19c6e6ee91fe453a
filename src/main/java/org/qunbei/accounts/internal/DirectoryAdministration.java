package org.qunbei.accounts.internal;

import java.security.SecureRandom;
import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentKind;
import org.qunbei.accounts.DirectoryChanged;
import org.qunbei.accounts.Role;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.StateConflictException;
import org.qunbei.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's console: the school's departments and accounts. Who decides each step
 * follows from them (a department's head and leader), so changing a head moves the head's queue. A
 * new account gets an initial password, shown once, that must be changed at the first sign-in; a
 * disabled account is signed out at its next request and its tokens are revoked.
 */
@Service
@Transactional
class DirectoryAdministration {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Departments departments;
  private final UserAccounts accounts;
  private final SignOut signOut;
  private final OpenWorkOf openWork;
  private final SignInGuard guard;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final PasswordPolicy policy;

  DirectoryAdministration(
      Departments departments,
      UserAccounts accounts,
      SignOut signOut,
      OpenWorkOf openWork,
      SignInGuard guard,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      PasswordPolicy policy) {
    this.policy = policy;
    this.departments = departments;
    this.accounts = accounts;
    this.signOut = signOut;
    this.openWork = openWork;
    this.guard = guard;
    this.encoder = encoder;
    this.events = events;
  }

  record NewAccount(String username, String initialPassword) {}

  Department createDepartment(CurrentUser actor, DirectoryBodies.DepartmentBody b) {
    requireSystemAdmin(actor);
    var v = new Violations();
    String code = b.code() == null ? "" : b.code().strip();
    if (!Department.CODE.matcher(code).matches()) {
      v.add("code", "directory.department.code");
    }
    DepartmentKind kind = department(b, code, v);
    v.throwIfAny();
    if (departments.findByCode(code).isPresent()) {
      throw new StateConflictException("directory.department.exists", code);
    }
    Department d =
        departments.save(
            new Department(code, b.name().strip(), kind, blank(b.head()), blank(b.leader())));
    events.publishEvent(new DirectoryChanged(code, "department created", actor.username()));
    return d;
  }

  Department updateDepartment(CurrentUser actor, String code, DirectoryBodies.DepartmentBody b) {
    requireSystemAdmin(actor);
    Department d = departments.findByCode(code).orElseThrow(() -> new NotFoundException(code));
    var v = new Violations();
    DepartmentKind kind = department(b, code, v);
    v.throwIfAny();
    d.describe(b.name().strip(), kind, blank(b.head()), blank(b.leader()));
    departments.save(d);
    events.publishEvent(
        new DirectoryChanged(
            code,
            "department: head " + blank(b.head()) + ", leader " + blank(b.leader()),
            actor.username()));
    return d;
  }

  /** The name, kind, head (a member of it) and leader (one of the leaders) of a department. */
  private DepartmentKind department(DirectoryBodies.DepartmentBody b, String code, Violations v) {
    if (b.name() == null || b.name().isBlank()) {
      v.add("name", "directory.department.name");
    } else if (b.name().strip().length() > 100) {
      v.add("name", "directory.tooLong", 100);
    }
    DepartmentKind kind = null;
    try {
      kind = DepartmentKind.valueOf(b.kind() == null ? "" : b.kind().strip());
    } catch (IllegalArgumentException e) {
      v.add("kind", "directory.department.kind");
    }
    String head = blank(b.head());
    if (head != null) {
      var account = accounts.findByUsername(head);
      if (account.isEmpty()) {
        v.add("head", "directory.unknownUser", head);
      } else if (!code.equals(account.get().departmentCode())) {
        v.add("head", "directory.department.headNotMember", head);
      }
    }
    String leader = blank(b.leader());
    if (leader != null) {
      var account = accounts.findByUsername(leader);
      if (account.isEmpty()) {
        v.add("leader", "directory.unknownUser", leader);
      } else if (!account.get().roles().contains(Role.LEADER)) {
        v.add("leader", "directory.department.leaderNotLeader", leader);
      }
    }
    return kind;
  }

  List<UserAccount> users(CurrentUser actor) {
    if (!actor.has(Role.SYSTEM_ADMIN) && !actor.has(Role.SECURITY_ADMIN)) {
      throw new ForbiddenException("directory.notSystemAdmin");
    }
    return accounts.findAllByOrderByUsername();
  }

  List<Department> departments() {
    return departments.findAllByOrderByCode();
  }

  NewAccount createUser(CurrentUser actor, DirectoryBodies.UserBody b) {
    requireSystemAdmin(actor);
    var v = new Violations();
    String username = b.username() == null ? "" : b.username().strip();
    if (!UserAccount.USERNAME.matcher(username).matches()) {
      v.add("username", "directory.user.username");
    }
    person(b, v);
    v.throwIfAny();
    if (accounts.findByUsername(username).isPresent()) {
      throw new StateConflictException("directory.user.exists", username);
    }
    staffNumberFree(b.staffNumber(), username);
    String initial = initialPassword();
    accounts.save(
        UserAccount.created(
            username,
            b.name().strip(),
            blank(b.department()),
            blank(b.staffNumber()),
            blank(b.email()),
            encoder.encode(initial)));
    events.publishEvent(new DirectoryChanged(username, "account created", actor.username()));
    return new NewAccount(username, initial);
  }

  UserAccount updateUser(CurrentUser actor, String username, DirectoryBodies.UserBody b) {
    requireSystemAdmin(actor);
    UserAccount a =
        accounts.findByUsername(username).orElseThrow(() -> new NotFoundException(username));
    var v = new Violations();
    person(b, v);
    v.throwIfAny();
    staffNumberFree(b.staffNumber(), username);
    boolean on = b.enabled() == null || b.enabled();
    if (!on && actor.username().equals(username)) {
      throw new ForbiddenException("directory.user.disableSelf");
    }
    boolean disabling = a.enabled() && !on;
    a.describe(
        b.name().strip(), blank(b.department()), blank(b.staffNumber()), blank(b.email()), on);
    accounts.save(a);
    if (disabling) {
      signOut.everywhere(username);
    }
    events.publishEvent(
        new DirectoryChanged(
            username, disabling ? "account disabled" : "account edited", actor.username()));
    return a;
  }

  /** The system administrator ends a person's sessions (a lost phone, a shared PC left open). */
  int endSessions(CurrentUser actor, String username) {
    requireSystemAdmin(actor);
    accounts.findByUsername(username).orElseThrow(() -> new NotFoundException(username));
    int ended = signOut.sessions(username);
    events.publishEvent(
        new DirectoryChanged(username, "sessions ended: " + ended, actor.username()));
    return ended;
  }

  /** The filings waiting on the person and the posts they hold, to hand on before they go. */
  OpenWorkOf.Held openWork(CurrentUser actor, String username) {
    users(actor);
    return openWork.of(
        accounts.findByUsername(username).orElseThrow(() -> new NotFoundException(username)));
  }

  int openSessions(String username) {
    return signOut.sessionsOf(username);
  }

  /** A one-time password for someone who forgot theirs; shown once, changed at next sign-in. */
  NewAccount resetPassword(CurrentUser actor, String username) {
    requireSystemAdmin(actor);
    UserAccount a =
        accounts.findByUsername(username).orElseThrow(() -> new NotFoundException(username));
    String initial = initialPassword();
    a.resetPassword(encoder.encode(initial), policy.history() - 1);
    // Forgotten passwords and lost phones come to the same desk: the app is set up again.
    boolean hadSecondFactor = a.hasSecondFactor();
    a.dropSecondFactor();
    accounts.save(a);
    guard.unlock(username);
    events.publishEvent(
        new DirectoryChanged(
            username,
            hadSecondFactor ? "password and second factor reset" : "password reset",
            actor.username()));
    return new NewAccount(username, initial);
  }

  /** A staff number names one person: HR's file and the sign-in through 统一身份认证 rely on it. */
  private void staffNumberFree(String staffNumber, String username) {
    String number = blank(staffNumber);
    if (number != null) {
      accounts
          .findByStaffNumber(number)
          .filter(other -> !other.username().equals(username))
          .ifPresent(
              other -> {
                throw new StateConflictException(
                    "directory.user.staffNumberTaken", number, other.username());
              });
    }
  }

  private void person(DirectoryBodies.UserBody b, Violations v) {
    if (b.name() == null || b.name().isBlank()) {
      v.add("name", "directory.user.name");
    } else if (b.name().strip().length() > 100) {
      v.add("name", "directory.tooLong", 100);
    }
    String dept = blank(b.department());
    if (dept != null && departments.findByCode(dept).isEmpty()) {
      v.add("department", "directory.user.department", dept);
    }
  }

  /** Twelve characters of letters and digits, both cases: meets the policy, easy to type once. */
  static String initialPassword() {
    StringBuilder s = new StringBuilder("Qb");
    for (int i = 0; i < 9; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.append(RANDOM.nextInt(10)).toString();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static void requireSystemAdmin(CurrentUser actor) {
    if (!actor.has(Role.SYSTEM_ADMIN)) {
      throw new ForbiddenException("directory.notSystemAdmin");
    }
  }
}
