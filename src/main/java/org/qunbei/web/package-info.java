/** Layout, home page and error pages: what every page shares. No business logic. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.qunbei.web;
