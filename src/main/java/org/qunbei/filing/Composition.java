package org.qunbei.filing;

/** 群成员构成; several may apply. */
public enum Composition {
  INTERNAL,
  EXTERNAL_PARTNERS,
  SERVICE_RECIPIENTS,
  OTHER;

  /** Partners and service recipients are outsiders: someone must vet them. */
  public boolean isExternal() {
    return this == EXTERNAL_PARTNERS || this == SERVICE_RECIPIENTS;
  }
}
