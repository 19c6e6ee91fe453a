package org.qunbei.filing.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingStatus;
import org.qunbei.filing.GroupQrCode;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.SimilarFiling;

/**
 * A filing as the API returns it: the server's fields, then the content at top level exactly as in
 * filing-example.json, then what review has said so far and any warnings.
 */
record FilingView(
    Long id,
    String number,
    FilingStatus status,
    String currentStep,
    long version,
    org.qunbei.filing.FilingOrigin origin,
    String departmentName,
    LocalDate filledOn,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    Long groupId,
    org.qunbei.filing.FilingKind kind,
    Long previousId,
    LocalDate changedOn,
    String changeReason,
    LocalDate dueBy,
    boolean late,
    Instant filedAt,
    org.qunbei.filing.DissolutionReport dissolution,
    Instant dissolvedAt,
    @JsonUnwrapped FilingContent content,
    QrCodeView qrCode,
    List<ReviewRecord> decisions,
    List<Warning> warnings) {

  record QrCodeView(String contentType, String content, Instant uploadedAt, String url) {
    static QrCodeView of(long filingId, GroupQrCode qr) {
      return new QrCodeView(
          qr.contentType(), qr.content(), qr.uploadedAt(), "/api/filings/" + filingId + "/qr-code");
    }
  }

  record Warning(String code, String message, SimilarFiling filing) {}

  static FilingView of(
      Filing f,
      boolean late,
      FilingContent content,
      String departmentName,
      GroupQrCode qr,
      List<ReviewRecord> decisions,
      List<Warning> warnings) {
    return new FilingView(
        f.id(),
        f.number(),
        f.status(),
        f.currentStep(),
        f.version(),
        f.origin(),
        departmentName,
        f.filledOn(),
        f.createdBy(),
        f.createdAt(),
        f.updatedAt(),
        f.submittedAt(),
        f.groupId(),
        f.lineage().kind(),
        f.lineage().previousId(),
        f.lineage().changedOn(),
        f.lineage().changeReason(),
        f.lineage().dueBy(),
        late,
        f.filedAt(),
        f.dissolution(),
        f.dissolvedAt(),
        content,
        qr == null ? null : QrCodeView.of(f.id(), qr),
        decisions,
        warnings);
  }
}
