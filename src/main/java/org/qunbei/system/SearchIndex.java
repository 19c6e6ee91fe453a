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
    return String.join(String.valueOf(SearchTermsFunction.SEPARATOR), terms(lowerCased));
  }

  /**
   * The same, less the terms of {@code common}, text that nearly every filing holds (the filing
   * number's "QB-20"): their postings list the whole registry, so the index would read a million
   * entries to rule out nothing. Leaving a term out only widens the candidates, which the search's
   * LIKE then narrows, so the result is the same; all of them stay if nothing else would.
   */
  public static String termsOf(String lowerCased, String common) {
    var terms = terms(lowerCased);
    var rest = new java.util.LinkedHashSet<>(terms);
    rest.removeAll(terms(common.toLowerCase(java.util.Locale.ROOT)));
    return String.join(
        String.valueOf(SearchTermsFunction.SEPARATOR), rest.isEmpty() ? terms : rest);
  }

  private static java.util.Set<String> terms(String lowerCased) {
    int[] cps = lowerCased.codePoints().toArray();
    var terms = new java.util.LinkedHashSet<String>();
    if (cps.length == 1) {
      terms.add(new String(cps, 0, 1));
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      terms.add(new String(cps, i, 2));
    }
    return terms;
  }
}
