/**
 * Users, roles and the department directory; login and the current user.
 *
 * <p>Other modules see {@link org.qunbei.accounts.CurrentUser}, {@link org.qunbei.accounts.Role}
 * and {@link org.qunbei.accounts.Directory}; the entities and security set-up are internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "system"})
package org.qunbei.accounts;
