package org.qunbei.shared;

/**
 * One broken rule: the field path as clients see it (e.g. {@code team[0].mobile}) and a message key
 * with its arguments, resolved to Chinese (or English) text at the edge.
 */
public record Violation(String field, String code, Object... args) {}
