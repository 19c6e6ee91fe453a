package org.qunbei.lifecycle.review;

import java.util.HashSet;
import java.util.Set;
import org.qunbei.filing.FilingContent;

/**
 * Whether two groups of one department look like the same group twice — what the national rules
 * against "指尖上的形式主义" name as duplicates: names nearly the same (most of their character pairs
 * shared), or the same purposes and member make-up with about the same number of members.
 */
final class Resemblance {

  private static final double NAME = 0.6;
  private static final double MEMBERS = 0.15;

  private Resemblance() {}

  static boolean alike(FilingContent a, FilingContent b) {
    if (a.groupName() != null && b.groupName() != null && names(a.groupName(), b.groupName())) {
      return true;
    }
    return !a.purposes().isEmpty()
        && a.purposes().equals(b.purposes())
        && a.composition().equals(b.composition())
        && near(a.memberCount(), b.memberCount());
  }

  /** Shared character pairs over all pairs (Jaccard on bigrams), ignoring spaces. */
  static boolean names(String x, String y) {
    Set<String> a = pairs(x);
    Set<String> b = pairs(y);
    if (a.isEmpty() || b.isEmpty()) {
      return x.strip().equals(y.strip());
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return (double) shared.size() / all.size() >= NAME;
  }

  private static Set<String> pairs(String s) {
    String t = s.replaceAll("\\s+", "");
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i + 1 < t.length(); i++) {
      pairs.add(t.substring(i, i + 2));
    }
    return pairs;
  }

  private static boolean near(Integer a, Integer b) {
    if (a == null || b == null) {
      return false;
    }
    return Math.abs(a - b) <= MEMBERS * Math.max(a, b);
  }
}
