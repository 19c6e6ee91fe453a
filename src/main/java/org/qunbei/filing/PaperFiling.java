package org.qunbei.filing;

import java.time.LocalDate;

/**
 * A filing made on paper before Qunbei, as an import brings it: its paper number and fill date, and
 * the content of sections 一 to 四. Imported filings are FILED; their approvals are on paper.
 */
public record PaperFiling(String number, LocalDate filledOn, FilingContent content) {}
