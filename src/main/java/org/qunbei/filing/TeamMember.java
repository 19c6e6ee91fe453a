package org.qunbei.filing;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.qunbei.shared.crypto.Encrypted;

/** A row of section 二. Admins state their duties (职责分工). The mobile is encrypted at rest. */
@Embeddable
public record TeamMember(
    @Enumerated(EnumType.STRING) TeamRole role,
    String name,
    String title,
    String officePhone,
    @Convert(converter = Encrypted.class) String mobile,
    String duties) {}
