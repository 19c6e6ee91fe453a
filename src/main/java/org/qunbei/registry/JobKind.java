package org.qunbei.registry;

/** What a background job of the registry does. */
public enum JobKind {
  EXPORT,
  IMPORT
}
