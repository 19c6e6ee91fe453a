package org.qunbei.filing;

import java.time.Instant;

/** One decision of section 五 as the filing shows it. */
public record ReviewRecord(
    int round,
    String step,
    String decision,
    String opinion,
    String decidedBy,
    String decidedByName,
    Instant decidedAt,
    Long signatureImageId,
    Long stampImageId) {}
