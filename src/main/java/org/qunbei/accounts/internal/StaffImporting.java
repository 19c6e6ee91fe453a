package org.qunbei.accounts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.DepartmentKind;
import org.qunbei.accounts.DirectoryChanged;
import org.qunbei.accounts.StaffDeparted;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.sheet.WorkbookRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff import from HR, in two steps: the system administrator uploads the school's staff file
 * and sees what it would change (nothing is applied); accepting that preview applies it — new
 * accounts and departments made, changes written, returning people enabled, leavers departed and
 * signed out for good, each raising {@link StaffDeparted} for the living registry to flag their
 * groups. Refused rows are left out; the rest go ahead.
 *
 * <p>New accounts get no role (the security administrator grants roles) and a password nobody
 * knows: they sign in through the school's identity provider, or after a reset.
 */
@Service
@Transactional
class StaffImporting {

  /** Ten thousand staff are some 1 MB of CSV; the stored file stays far below the column limit. */
  static final int MAX_BYTES = 4 << 20;

  private final StaffImports imports;
  private final UserAccounts accounts;
  private final Departments departments;
  private final SignOut signOut;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StaffImporting(
      StaffImports imports,
      UserAccounts accounts,
      Departments departments,
      SignOut signOut,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.imports = imports;
    this.accounts = accounts;
    this.departments = departments;
    this.signOut = signOut;
    this.encoder = encoder;
    this.events = events;
    this.clock = clock;
  }

  /**
   * An import and what applying it does; once applied, the plan is the one applied when it was just
   * applied, and null afterwards (each change it made is in the audit trail).
   */
  public record Preview(StaffImport staffImport, StaffPlan plan) {}

  Preview preview(CurrentUser actor, String fileName, byte[] content) {
    requireSystemAdmin(actor);
    if (content.length == 0) {
      throw refused("staff.bad.empty");
    }
    if (content.length > MAX_BYTES) {
      throw refused("staff.bad.tooLarge", MAX_BYTES >> 20);
    }
    try {
      WorkbookRows.checkName(fileName, true);
    } catch (WorkbookRows.BadWorkbook e) {
      throw refused(e.getMessage(), e.args());
    }
    StaffPlan plan = plan(content);
    String name = fileName == null || fileName.isBlank() ? null : strip(fileName);
    StaffImport saved =
        imports.save(
            new StaffImport(name, content, plan.digest(), actor.username(), clock.instant()));
    return new Preview(saved, plan);
  }

  @Transactional(readOnly = true)
  Preview show(CurrentUser actor, long id) {
    requireSystemAdmin(actor);
    StaffImport i =
        imports.findById(id).orElseThrow(() -> new NotFoundException(String.valueOf(id)));
    return new Preview(i, i.applied() ? null : plan(i.content()));
  }

  Preview apply(CurrentUser actor, long id) {
    requireSystemAdmin(actor);
    StaffImport i =
        imports.findById(id).orElseThrow(() -> new NotFoundException(String.valueOf(id)));
    StaffPlan plan = plan(i.content());
    i.apply(plan.digest(), actor.username(), clock.instant());
    for (StaffPlan.Unit u : plan.units()) {
      if (u.isNew()) {
        departments.save(new Department(u.code(), u.name(), DepartmentKind.DEPARTMENT, null, null));
      } else {
        departments.findByCode(u.code()).orElseThrow().rename(u.name());
      }
      events.publishEvent(
          new DirectoryChanged(
              u.code(),
              u.isNew() ? "department created (staff import)" : "department renamed (staff import)",
              actor.username()));
    }
    LocalDate today = LocalDate.now(clock);
    for (StaffPlan.Person p : plan.people()) {
      switch (p.change()) {
        case NEW -> {
          accounts.save(
              UserAccount.fromStaffFile(
                  p.username(),
                  p.name(),
                  p.department(),
                  p.staffNumber(),
                  p.email(),
                  encoder.encode(DirectoryAdministration.initialPassword())));
          audit(p, "account created (staff import)", actor);
        }
        case CHANGED, RETURNED -> {
          accounts
              .findByStaffNumber(p.staffNumber())
              .orElseThrow()
              .describeFromStaffFile(p.name(), p.department(), p.staffNumber(), p.email());
          audit(
              p,
              p.change() == StaffPlan.Change.RETURNED
                  ? "account returned (staff import)"
                  : "account edited (staff import)",
              actor);
        }
        case DEPARTED -> {
          UserAccount a = accounts.findByStaffNumber(p.staffNumber()).orElseThrow();
          a.depart(today);
          signOut.everywhere(a.username());
          audit(p, "account departed (staff import)", actor);
          events.publishEvent(new StaffDeparted(a.displayName(), a.departmentCode(), null));
        }
        case UNCHANGED, REFUSED -> {}
      }
    }
    return new Preview(i, plan);
  }

  private void audit(StaffPlan.Person p, String what, CurrentUser actor) {
    events.publishEvent(new DirectoryChanged(p.username(), what, actor.username()));
  }

  private StaffPlan plan(byte[] content) {
    Path file = null;
    try {
      file = Files.createTempFile("qunbei-staff-", ".upload");
      Files.write(file, content);
      List<StaffFile.Row> rows = StaffFile.read(file);
      Map<String, String> known =
          departments.findAllByOrderByCode().stream()
              .collect(Collectors.toMap(Department::code, d -> d.info().name()));
      return StaffPlan.of(
          rows, accounts.findByStaffNumberIsNotNull(), accounts::findByUsername, known);
    } catch (WorkbookRows.BadWorkbook e) {
      throw refused(e.getMessage(), e.args());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A temporary file of the upload; the operating system clears its temp directory.
        }
      }
    }
  }

  /** What is wrong with the uploaded file, naming it (教职工文件：…). */
  private static InvalidInputException refused(String code, Object... args) {
    return InvalidInputException.upload("file", "staff.file", code, args);
  }

  private static String strip(String fileName) {
    String n = fileName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    // Cleaned after the cut, which may halve a UTF-16 pair.
    return org.qunbei.shared.Text.cleaned(n.length() > 200 ? n.substring(0, 200) : n).strip();
  }

  private static void requireSystemAdmin(CurrentUser actor) {
    DirectoryAdministration.requireSystemAdmin(actor);
  }
}
