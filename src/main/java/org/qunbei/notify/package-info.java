/**
 * Notices: in-app messages and e-mail to the next step's deciders and to the applicant. A notice is
 * written in the transaction of the change that caused it (so it is never lost) and mailed
 * afterwards by {@link org.qunbei.notify.MailDispatcher}, which retries; a failing mail server
 * never blocks or undoes a decision.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "approval", "filing", "lifecycle", "shared", "system"})
package org.qunbei.notify;
