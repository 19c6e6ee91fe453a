package org.qunbei.approval;

/**
 * A stock opinion (常用意见) as the caller sees it: the school's for one of the caller's steps ({@code
 * school}, with the step and no id: not the caller's to delete), or the caller's own.
 */
public record StockOpinionEntry(Long id, String text, boolean school, String step) {}
