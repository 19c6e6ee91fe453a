package org.qunbei.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every broken rule of one request, so that a user sees them all at once. */
public final class Violations {

  private final List<Violation> items = new ArrayList<>();

  public Violations add(String field, String code, Object... args) {
    items.add(new Violation(field, code, args));
    return this;
  }

  public boolean has(String field) {
    return items.stream().anyMatch(v -> v.field().equals(field));
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public List<Violation> list() {
    return Collections.unmodifiableList(items);
  }

  public void addAll(Violations other) {
    items.addAll(other.items);
  }

  /** Throws when anything was collected; the edge turns it into a 400 naming every field. */
  public void throwIfAny() {
    if (!items.isEmpty()) {
      throw new InvalidInputException(this);
    }
  }
}
