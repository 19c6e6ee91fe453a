package org.qunbei.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qunbei.shared.Violation;

/**
 * What a staff file would do to the directory, worked out without touching it: who is new, who
 * changed (and how), who returns, who departed (on no row of the file), and which rows are refused
 * and why. The preview shows it; applying recomputes it and goes ahead only when the result is the
 * one the administrator saw ({@link #digest()}).
 *
 * <p>Only accounts with a staff number are HR's: the offices' and administrators' local accounts
 * are never marked departed by a file that does not list them.
 */
public final class StaffPlan {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public enum Change {
    NEW,
    CHANGED,
    RETURNED,
    DEPARTED,
    UNCHANGED,
    REFUSED
  }

  /** One person's line of the report; {@code line} is null for a leaver (on no row). */
  public record Person(
      Integer line,
      Change change,
      String staffNumber,
      String username,
      String name,
      String department,
      String email,
      List<Violation> notes) {}

  /** A department the file names that the directory does not have, or names otherwise. */
  public record Unit(String code, String name, String previousName) {
    public boolean isNew() {
      return previousName == null;
    }
  }

  private final List<Person> people;
  private final List<Unit> units;

  private StaffPlan(List<Person> people, List<Unit> units) {
    this.people = List.copyOf(people);
    this.units = List.copyOf(units);
  }

  public List<Person> people() {
    return people;
  }

  public List<Unit> units() {
    return units;
  }

  public boolean changesNothing() {
    return units.isEmpty() && people.stream().allMatch(p -> p.change() == Change.UNCHANGED);
  }

  public Map<Change, Long> counts() {
    Map<Change, Long> counts = new LinkedHashMap<>();
    for (Change c : Change.values()) {
      counts.put(c, people.stream().filter(p -> p.change() == c).count());
    }
    return counts;
  }

  /** What the preview showed, as one value: applying refuses when it no longer holds. */
  String digest() {
    StringBuilder s = new StringBuilder();
    people.forEach(
        p ->
            s.append(p.change())
                .append('|')
                .append(p.staffNumber())
                .append('|')
                .append(p.username())
                .append('|')
                .append(p.name())
                .append('|')
                .append(p.department())
                .append('|')
                .append(p.email())
                .append('|')
                .append(notes(p.notes()))
                .append('\n'));
    units.forEach(u -> s.append(u).append('\n'));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String notes(List<Violation> notes) {
    return notes.stream()
        .map(n -> n.field() + ":" + n.code() + Arrays.toString(n.args()))
        .collect(Collectors.joining(","));
  }

  /**
   * @param kept the accounts HR keeps today (those with a staff number)
   * @param byUsername any account by its username
   * @param departments the directory's departments, code to name
   */
  static StaffPlan of(
      List<StaffFile.Row> rows,
      List<UserAccount> kept,
      Function<String, Optional<UserAccount>> byUsername,
      Map<String, String> departments) {
    Map<String, UserAccount> byStaff = new HashMap<>();
    kept.forEach(a -> byStaff.put(a.staffNumber(), a));
    Map<String, List<Integer>> lines = new HashMap<>();
    for (var r : rows) {
      if (r.staffNumber() != null) {
        lines.computeIfAbsent(r.staffNumber(), k -> new ArrayList<>()).add(r.line());
      }
    }
    Map<String, Unit> units = new LinkedHashMap<>();
    for (var r : rows) {
      String code = r.department();
      if (code == null || r.departmentName() == null || !Department.CODE.matcher(code).matches()) {
        continue;
      }
      String known = departments.get(code);
      if (known == null) {
        units.putIfAbsent(code, new Unit(code, r.departmentName(), null));
      } else if (!known.equals(r.departmentName())) {
        units.putIfAbsent(code, new Unit(code, r.departmentName(), known));
      }
    }
    Set<String> claimedUsernames = new HashSet<>();
    List<Person> people = new ArrayList<>();
    for (var r : rows) {
      people.add(person(r, lines, byStaff, byUsername, departments, units, claimedUsernames));
    }
    kept.stream()
        .filter(a -> !a.departed() && !lines.containsKey(a.staffNumber()))
        .sorted(java.util.Comparator.comparing(UserAccount::staffNumber))
        .forEach(
            a ->
                people.add(
                    new Person(
                        null,
                        Change.DEPARTED,
                        a.staffNumber(),
                        a.username(),
                        a.displayName(),
                        a.departmentCode(),
                        a.email(),
                        List.of())));
    return new StaffPlan(people, new ArrayList<>(units.values()));
  }

  private static Person person(
      StaffFile.Row r,
      Map<String, List<Integer>> lines,
      Map<String, UserAccount> byStaff,
      Function<String, Optional<UserAccount>> byUsername,
      Map<String, String> departments,
      Map<String, Unit> units,
      Set<String> claimedUsernames) {
    List<Violation> refusals = new ArrayList<>();
    if (r.staffNumber() == null) {
      refusals.add(new Violation("工号", "staff.row.missing", "工号"));
    } else if (r.staffNumber().length() > 30) {
      refusals.add(new Violation("工号", "directory.tooLong", 30));
    } else if (lines.get(r.staffNumber()).size() > 1) {
      String others =
          lines.get(r.staffNumber()).stream()
              .filter(l -> l != r.line())
              .map(String::valueOf)
              .collect(Collectors.joining("、"));
      refusals.add(new Violation("工号", "staff.row.duplicate", r.staffNumber(), others));
    }
    if (r.name() == null) {
      refusals.add(new Violation("姓名", "staff.row.missing", "姓名"));
    } else if (r.name().length() > 100) {
      refusals.add(new Violation("姓名", "directory.tooLong", 100));
    }
    if (r.department() == null) {
      refusals.add(new Violation("部门代码", "staff.row.missing", "部门代码"));
    } else if (!departments.containsKey(r.department())
        && (!units.containsKey(r.department()) || !units.get(r.department()).isNew())) {
      refusals.add(new Violation("部门代码", "staff.row.department", r.department()));
    }
    if (r.email() != null && (!EMAIL.matcher(r.email()).matches() || r.email().length() > 200)) {
      refusals.add(new Violation("邮箱", "staff.row.email", r.email()));
    }
    UserAccount existing = r.staffNumber() == null ? null : byStaff.get(r.staffNumber());
    String username =
        existing != null
            ? existing.username()
            : r.username() != null
                ? r.username()
                : r.staffNumber() == null ? null : r.staffNumber().toLowerCase(Locale.ROOT);
    if (existing == null && username != null) {
      if (!UserAccount.USERNAME.matcher(username).matches()) {
        refusals.add(new Violation("用户名", "staff.row.username", username));
      } else if (byUsername.apply(username).isPresent() || !claimedUsernames.add(username)) {
        refusals.add(new Violation("用户名", "staff.row.usernameTaken", username));
      }
    }
    if (!refusals.isEmpty()) {
      return new Person(
          r.line(),
          Change.REFUSED,
          r.staffNumber(),
          username,
          r.name(),
          r.department(),
          r.email(),
          refusals);
    }
    if (existing == null) {
      return new Person(
          r.line(),
          Change.NEW,
          r.staffNumber(),
          username,
          r.name(),
          r.department(),
          r.email(),
          List.of());
    }
    String email = r.email() == null ? existing.email() : r.email();
    List<Violation> changes = new ArrayList<>();
    if (!Objects.equals(existing.displayName(), r.name())) {
      changes.add(new Violation("姓名", "staff.changed.name", existing.displayName(), r.name()));
    }
    if (!Objects.equals(existing.departmentCode(), r.department())) {
      changes.add(
          new Violation(
              "部门代码", "staff.changed.department", existing.departmentCode(), r.department()));
    }
    if (!Objects.equals(existing.email(), email)) {
      changes.add(new Violation("邮箱", "staff.changed.email", existing.email(), email));
    }
    Change change =
        existing.departed()
            ? Change.RETURNED
            : changes.isEmpty() ? Change.UNCHANGED : Change.CHANGED;
    return new Person(
        r.line(), change, r.staffNumber(), username, r.name(), r.department(), email, changes);
  }
}
