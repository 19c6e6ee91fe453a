/**
 * The registry (台账): search over filings, scoped to what the caller may see, for the API, the
 * cyberspace office's registry page and the departments' "my filings" page. Later: statistics,
 * Excel export and import of paper-era filings.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "filing", "shared", "system"})
package org.qunbei.registry;
