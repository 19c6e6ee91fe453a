package org.qunbei.filing;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import org.qunbei.shared.crypto.Encrypted;

/**
 * The person who vets external members' admission and guards confidentiality. The mobile is
 * encrypted at rest.
 */
@Embeddable
public record Person(
    String name,
    String title,
    String officePhone,
    @Convert(converter = Encrypted.class) String mobile) {}
