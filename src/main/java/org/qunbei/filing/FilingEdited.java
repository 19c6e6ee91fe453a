package org.qunbei.filing;

/** The applicant created or changed a draft (or a returned filing). */
public record FilingEdited(Long filingId, boolean created, String actor, long version) {}
