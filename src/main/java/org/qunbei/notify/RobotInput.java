package org.qunbei.notify;

/**
 * A robot as typed on the page or sent to the API, unchecked: {@code kind} one of WECOM, DINGTALK,
 * FEISHU; {@code secret} null keeps the stored one and empty removes it; {@code department} and
 * {@code step} empty for any; {@code enabled} null for yes.
 */
public record RobotInput(
    String name,
    String kind,
    String url,
    String secret,
    String department,
    String step,
    Boolean enabled) {}
