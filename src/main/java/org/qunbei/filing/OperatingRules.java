package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/** Section 三, the group's operating rules. */
@Embeddable
public record OperatingRules(
    String publishingScope,
    String admission,
    @Column(name = "exit_rules") String exit,
    @Embedded Retention retention,
    String incidentResponse) {}
