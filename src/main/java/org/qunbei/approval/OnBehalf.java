package org.qunbei.approval;

/** The person away a delegate decides for (委托): login and name as they were at the time. */
record OnBehalf(String username, String name) {}
