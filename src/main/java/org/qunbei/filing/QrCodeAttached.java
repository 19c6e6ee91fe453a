package org.qunbei.filing;

/**
 * The applicant uploaded the group's QR image, or replaced it ({@code replaced}); only while the
 * filing is editable, so the image an approver saw is the image filed.
 */
public record QrCodeAttached(Long filingId, boolean replaced, String actor, long version) {}
