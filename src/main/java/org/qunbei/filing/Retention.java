package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * 信息留存与归档: either retain (a period and/or an archivist with a method) or no retention with a
 * reason.
 */
@Embeddable
public record Retention(
    @Column(name = "retention_retain") Boolean retain,
    @Column(name = "retention_period") String period,
    String archivist,
    String archiveMethod,
    String noRetentionReason) {}
