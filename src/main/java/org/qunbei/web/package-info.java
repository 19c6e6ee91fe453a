/** Layout, home page and error pages: what every page shares. No business logic. */
package org.qunbei.web;
