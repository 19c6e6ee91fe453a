package org.qunbei.approval;

/** A person's handwritten signature, or an office's or department's stamp. */
public enum SealKind {
  SIGNATURE,
  STAMP
}
