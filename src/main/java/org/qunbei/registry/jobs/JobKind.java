package org.qunbei.registry.jobs;

/** What a background job of the registry does. */
public enum JobKind {
  EXPORT,
  IMPORT
}
