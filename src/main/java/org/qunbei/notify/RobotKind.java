package org.qunbei.notify;

/** The platforms whose group robots (自定义机器人) Qunbei posts to, each in its own format. */
public enum RobotKind {
  /** 企业微信群机器人. */
  WECOM,
  /** 钉钉自定义机器人 (加签 optional). */
  DINGTALK,
  /** 飞书自定义机器人 (签名校验 optional). */
  FEISHU;

  /** Whether the platform signs its calls with a secret the administrator copies from it. */
  public boolean signs() {
    return this != WECOM;
  }
}
