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
   * The terms a search asks the index for: those of {@link #termsOf(String)} less the terms of
   * {@code common}, text that nearly every filing holds (the filing number's "QB-20": their
   * postings list the whole registry, so the index would read a million entries to rule out
   * nothing), and of the rest every other one and the last. Leaving a term out only widens the
   * candidates, which the search's LIKE then narrows, so the result is the same. Every other bigram
   * still covers each character of the text: an exact filing number asked nine digit bigrams, each
   * in a tenth of the registry, and the index read them for 28 ms (warm; 141 cold); five found 72
   * candidates in 11 ms (28 cold). All of the terms stay if nothing else would.
   */
  public static String termsOf(String lowerCased, String common) {
    var terms = new java.util.ArrayList<>(terms(lowerCased));
    var rest = new java.util.ArrayList<>(terms);
    rest.removeAll(terms(common.toLowerCase(java.util.Locale.ROOT)));
    var asked = rest.isEmpty() ? terms : rest;
    var kept = new java.util.ArrayList<String>();
    for (int i = 0; i < asked.size(); i += 2) {
      kept.add(asked.get(i));
    }
    if (asked.size() % 2 == 0 && !asked.isEmpty()) {
      kept.add(asked.get(asked.size() - 1));
    }
    return String.join(String.valueOf(SearchTermsFunction.SEPARATOR), kept);
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
