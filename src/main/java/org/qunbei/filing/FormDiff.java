package org.qunbei.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two versions of a group's form compared field by field over {@link FormFields}: what a change
 * filing changed. Team fields are compared by paper row (the owner with the owner, admin (1) with
 * admin (1)), so a reordered team list is no change and a new admin reads as one.
 */
public final class FormDiff {

  private FormDiff() {}

  /** One field that differs: its path in the newer version's JSON, and both values, typed. */
  public record Change(FormField field, String path, Object from, Object to) {}

  /** Every field of the form, each with whether it changed: for a side-by-side page. */
  public record Row(FormField field, String path, Object from, Object to, boolean changed) {}

  public static List<Change> changes(FilingContent from, FilingContent to) {
    List<Change> changes = new ArrayList<>();
    for (Row r : rows(from, to)) {
      if (r.changed()) {
        changes.add(new Change(r.field(), r.path(), r.from(), r.to()));
      }
    }
    return changes;
  }

  public static List<Row> rows(FilingContent from, FilingContent to) {
    List<Row> rows = new ArrayList<>();
    for (FormField f : FormFields.ALL) {
      Object a = f.valueOf(from);
      Object b = f.valueOf(to);
      rows.add(new Row(f, f.path(to), a, b, !same(a, b)));
    }
    return rows;
  }

  /** An empty text and no text are the same to a reader. */
  private static boolean same(Object a, Object b) {
    return Objects.equals(blankToNull(a), blankToNull(b));
  }

  private static Object blankToNull(Object v) {
    return v instanceof String s && s.isBlank() ? null : v;
  }
}
