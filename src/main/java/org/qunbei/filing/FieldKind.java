package org.qunbei.filing;

/** How a field's value is written out: what a rendering must do beyond printing text. */
public enum FieldKind {
  TEXT,
  NUMBER,
  DATE,
  /** One choice of an enum, shown by its label. */
  CHOICE,
  /** Several choices of an enum, shown by their labels in the form's order. */
  CHOICES,
  YES_NO,
  /** A mobile number, masked for those who may not see it. */
  MOBILE
}
