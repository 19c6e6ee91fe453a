/**
 * Infrastructure every module leans on without knowing it: the clock, database dialect for
 * migrations, API error bodies (RFC 9457) and request-size limits. No business logic.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.qunbei.system;
