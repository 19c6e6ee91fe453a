package org.qunbei.filing;

/** A paper-era filing was imported into the registry, FILED under its paper number. */
public record FilingImported(
    Long filingId, String number, String departmentCode, String importedBy, long version) {}
