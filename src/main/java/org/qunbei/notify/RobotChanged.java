package org.qunbei.notify;

/**
 * The system administrator created, changed or deleted a group robot ({@code what} says which); the
 * audit trail records who and what. The webhook's key and the secret are never in it.
 */
public record RobotChanged(long robotId, String name, String what, String actor) {}
