/**
 * The filing aggregate: every field of sections 一 to 四 of the paper form, its rules, drafts,
 * submission and filing numbers. {@link org.qunbei.filing.FilingService} is the way in; {@link
 * org.qunbei.filing.FilingRules} is the one place the form's rules live, shared by pages, API and
 * import.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "calendar", "shared", "system"})
package org.qunbei.filing;
