package org.qunbei.documents;

import java.util.Locale;
import org.qunbei.filing.FormSection;

/**
 * The parts of a printout that each carry a digest of their own, as the paper numbers them: a
 * reader whose whole digest differs can tell which part does.
 */
public enum DigestSection {
  /** 一, with the header above it (number, 填表日期) and the group's QR code. */
  BASIC,
  /** 二, the four team rows and the steward of external members. */
  TEAM,
  /** 三, the operating rules. */
  RULES,
  /** 四, the commitment and who accepted it on line, when. */
  COMMITMENT,
  /** 五, each step's decision, decider, date and opinion. */
  APPROVAL;

  /** The section of the form a field sits in; a new section of the form must be placed here. */
  static DigestSection of(FormSection section) {
    return switch (section) {
      case BASIC -> BASIC;
      case TEAM -> TEAM;
      case RULES -> RULES;
      case COMMITMENT -> COMMITMENT;
    };
  }

  /** The query parameter a typed section digest comes in ({@code /verify/{code}?team=…}). */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
