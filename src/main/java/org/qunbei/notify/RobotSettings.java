package org.qunbei.notify;

/**
 * A robot as the administrator sets it, checked: its name, platform, webhook, the secret (null
 * keeps the stored one, empty removes it) and its scope (null department or step: any).
 */
public record RobotSettings(
    String name,
    RobotKind kind,
    String url,
    String secret,
    String department,
    String step,
    boolean enabled) {}
