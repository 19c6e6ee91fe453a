package org.qunbei.registry;

/** How an import ended: rows imported, skipped as already there, and bad. */
record ImportSummary(int imported, int skipped, int bad, boolean failed, String message) {}
