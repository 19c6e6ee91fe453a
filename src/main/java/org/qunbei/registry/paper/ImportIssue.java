package org.qunbei.registry.paper;

/**
 * A line of an import's report: the sheet's row number (as Excel shows it), the column's header
 * (none for a problem of the whole row or file) and the reason, in Chinese.
 */
public record ImportIssue(int line, String column, String message) {}
