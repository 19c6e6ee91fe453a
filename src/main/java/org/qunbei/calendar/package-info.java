/**
 * Working days on the mainland Chinese calendar: weekends, the statutory holidays and the weekend
 * make-up working days (调休) of each year's official arrangement, which is data (shipped for the
 * years known, added by an administrator each autumn) and never code. Deadlines such as "within 5
 * working days" of the paper's commitment 4 are counted here ({@link WorkingDays}); a deadline that
 * runs through a year without data is counted on weekdays and says so.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"accounts", "shared", "system"})
package org.qunbei.calendar;
