package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Who accepted section 四's commitment on line and when: the applicant who submitted with the box
 * ticked, at that submission. The printed 承诺人 is still the group's owner, who answers for it.
 */
@Embeddable
public record CommitmentAcceptance(
    @Column(name = "commitment_accepted_by") String username,
    @Column(name = "commitment_accepted_by_name") String name,
    @Column(name = "commitment_accepted_at") Instant at) {}
