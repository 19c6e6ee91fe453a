/**
 * The registry (台账): search over filings, scoped to what the caller may see, for the API, the
 * cyberspace office's registry page and the departments' "my filings" page, and the statistics
 * (this package). Its sub-features live beside it: {@code export} (the registry as a streamed
 * .xlsx), {@code jobs} (background jobs in the database, any node shows any job), {@code paper}
 * (the import of paper-era filings) and {@code web} (pages and API).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "filing", "shared", "system"})
package org.qunbei.registry;
