/**
 * The living registry over time: the deadlines a filed group must keep and the sweeps that find the
 * ones missed (short-term groups past their dissolve-by day, change filings past due, steps waiting
 * too long, team members who left the school), each an alert, an in-app notice and an e-mail to
 * whoever must act; and the applicant's urging (催办) of a waiting step. Versions, change filings and
 * dissolution reports themselves live on the filing aggregate.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "calendar", "filing", "shared", "system"})
package org.qunbei.lifecycle;
