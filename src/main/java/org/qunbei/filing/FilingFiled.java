package org.qunbei.filing;

/**
 * The last step approved: the filing is FILED and is its group's current version. {@code
 * previousId} is the version a change filing replaces, null for a group's first filing.
 */
public record FilingFiled(Long filingId, Long groupId, Long previousId) {}
