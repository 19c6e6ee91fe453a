package org.qunbei.filing;

import jakarta.persistence.Embeddable;

/** The person who vets external members' admission and guards confidentiality. */
@Embeddable
public record Person(String name, String title, String officePhone, String mobile) {}
