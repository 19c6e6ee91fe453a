package org.qunbei.filing;

/** The dissolution chain completed: the group is DISSOLVED and its group number free again. */
public record FilingDissolved(Long filingId, Long groupId) {}
