package org.qunbei.filing;

/** Another filing that looks like the same group: shown as a warning, not an error. */
public record SimilarFiling(Long id, String number, String groupName, FilingStatus status) {

  static SimilarFiling of(Filing f) {
    return new SimilarFiling(f.id(), f.number(), f.groupName(), f.status());
  }
}
