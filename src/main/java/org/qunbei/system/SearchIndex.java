package org.qunbei.system;

import org.springframework.stereotype.Component;

/**
 * Whether the database has the registry's search index (PostgreSQL, V33 under db/postgresql). H2
 * and MariaDB scan the filings for a search, which a school's registry of a few thousand allows.
 */
@Component
public class SearchIndex {

  private final boolean present;

  SearchIndex(DatabaseKind database) {
    this.present = database.postgres();
  }

  public boolean present() {
    return present;
  }

  /**
   * The terms every filing matching {@code text} has in its index: the bigrams of the lower-cased
   * text, or the one character it is. One place for the rule the migration's function follows.
   */
  public static String termsOf(String lowerCased) {
    int[] cps = lowerCased.codePoints().toArray();
    var terms = new java.util.LinkedHashSet<String>();
    if (cps.length == 1) {
      terms.add(new String(cps, 0, 1));
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      terms.add(new String(cps, i, 2));
    }
    return String.join(String.valueOf(SearchTermsFunction.SEPARATOR), terms);
  }
}
