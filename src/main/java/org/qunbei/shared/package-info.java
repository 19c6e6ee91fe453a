/**
 * Small value types every module speaks: a field-level violation list and the failures that map
 * onto HTTP statuses (404 absent, 409 state moved on). No business logic lives here.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qunbei.shared;
