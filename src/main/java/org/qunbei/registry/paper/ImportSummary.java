package org.qunbei.registry.paper;

/** How an import ended: rows imported, skipped as already there, and bad. */
public record ImportSummary(int imported, int skipped, int bad, boolean failed, String message) {}
