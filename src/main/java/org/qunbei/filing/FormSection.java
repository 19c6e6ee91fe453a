package org.qunbei.filing;

/** The sections of the paper form that the applicant fills in (五 is the approvers'). */
public enum FormSection {
  /** 一、基础信息 */
  BASIC,
  /** 二、群管理团队 */
  TEAM,
  /** 三、群运营管理规范 */
  RULES,
  /** 四、备案承诺 */
  COMMITMENT
}
