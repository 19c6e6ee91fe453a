package org.qunbei.system;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * {@code search_terms_contain(name, number, groupNumber, terms)}: whether PostgreSQL's search index
 * of a filing (V33, {@code filing_search_terms}) holds every one of {@code terms}, given as one
 * string separated by U+001F. Written exactly as the index's expression, so that the planner uses
 * the index. Registered on every database; only used where {@link SearchIndex} says it exists.
 */
public class SearchTermsFunction implements FunctionContributor {

  /** What separates the terms in the function's last argument: no one types it. */
  public static final char SEPARATOR = '\u001f';

  @Override
  public void contributeFunctions(FunctionContributions functions) {
    functions
        .getFunctionRegistry()
        .registerPattern(
            "search_terms_contain",
            "(filing_search_terms(?1,?2,?3) @> string_to_array(?4,chr(31)))",
            functions
                .getTypeConfiguration()
                .getBasicTypeRegistry()
                .resolve(StandardBasicTypes.BOOLEAN));
  }
}
