package org.qunbei.filing.web;

import java.util.List;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.SimilarFiling;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Component;

/** Assembles what a filing's page and API response show beside the filing itself. */
@Component
class FilingViews {

  private final FilingService service;
  private final Directory directory;
  private final Messages messages;
  private final ReviewRouting review;

  FilingViews(FilingService service, Directory directory, Messages messages, ReviewRouting review) {
    this.service = service;
    this.directory = directory;
    this.messages = messages;
    this.review = review;
  }

  FilingView of(CurrentUser user, Filing f) {
    return FilingView.of(
        f,
        service.contentFor(user, f),
        directory.nameOf(f.departmentCode()),
        service.qrCode(f).orElse(null),
        review.recordOf(f),
        warnings(f));
  }

  List<FilingView.Warning> warnings(Filing f) {
    return service.similar(f).stream()
        .map(s -> new FilingView.Warning("SIMILAR_GROUP_NAME", message(s), s))
        .toList();
  }

  private String message(SimilarFiling s) {
    return messages.text(
        "filing.similar", s.number() == null ? messages.text("FilingStatus.DRAFT") : s.number());
  }
}
