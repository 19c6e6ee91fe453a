package org.qunbei.filing;

/** A step of the chain as section 五 shows it: its row heading and whether it is stamped. */
public record ReviewStepInfo(String code, String label, boolean stamped) {}
