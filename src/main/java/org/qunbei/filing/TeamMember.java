package org.qunbei.filing;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A row of section 二. Admins state their duties (职责分工). */
@Embeddable
public record TeamMember(
    @Enumerated(EnumType.STRING) TeamRole role,
    String name,
    String title,
    String officePhone,
    String mobile,
    String duties) {}
