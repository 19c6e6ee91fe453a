package org.qunbei.approval;

import java.time.Clock;
import java.util.Optional;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Role;
import org.qunbei.shared.ForbiddenException;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.NotFoundException;
import org.qunbei.shared.UploadedImage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures (each user uploads their own) and stamps (the administrator keeps one per department
 * and per deciding office). A decision carries those current when it is made.
 */
@Service
@Transactional
public class Seals {

  private final org.springframework.context.ApplicationEventPublisher events;
  private final SealImages images;
  private final Decisions decisions;
  private final org.qunbei.filing.FilingService filings;
  private final org.qunbei.accounts.Directory directory;
  private final Clock clock;

  Seals(
      SealImages images,
      Decisions decisions,
      org.qunbei.filing.FilingService filings,
      org.qunbei.accounts.Directory directory,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.images = images;
    this.decisions = decisions;
    this.filings = filings;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * The upload as it came, with the content type and file name it declared (either null); what is
   * kept is the image re-encoded from its pixels.
   */
  public SealImage uploadSignature(
      CurrentUser user, byte[] bytes, String declaredType, String fileName) {
    UploadedImage image = UploadedImage.read(bytes, declaredType, fileName, "signature");
    uploaded("signature " + user.username());
    return images.save(
        new SealImage(
            SealKind.SIGNATURE,
            user.username(),
            image.contentType(),
            image.bytes(),
            user.username(),
            clock.instant()));
  }

  /**
   * A stamp for a department (its code) or a deciding office (its role); administrators only. The
   * upload is judged and re-encoded as a signature is.
   */
  public SealImage uploadStamp(
      CurrentUser user, String owner, byte[] bytes, String declaredType, String fileName) {
    if (!user.has(Role.SECURITY_ADMIN)) {
      throw new ForbiddenException("approval.stamp.adminOnly");
    }
    if (!isStampOwner(owner)) {
      throw InvalidInputException.of("owner", "approval.stamp.unknownOwner", owner);
    }
    UploadedImage image = UploadedImage.read(bytes, declaredType, fileName, "stamp");
    uploaded("stamp " + owner);
    return images.save(
        new SealImage(
            SealKind.STAMP,
            owner,
            image.contentType(),
            image.bytes(),
            user.username(),
            clock.instant()));
  }

  /** A stamp or signature says who approved: whoever uploaded one is on the record. */
  private void uploaded(String what) {
    events.publishEvent(
        new org.qunbei.shared.Accessed(org.qunbei.shared.Accessed.Kind.SEAL_UPLOADED, null, what));
  }

  @Transactional(readOnly = true)
  public Optional<SealImage> current(SealKind kind, String owner) {
    return images.findFirstByKindAndOwnerOrderByIdDesc(kind, owner);
  }

  /**
   * An image, to someone who may see it: its owner, an administrator, or anyone who may see a
   * filing whose decision carries it.
   */
  @Transactional(readOnly = true)
  public SealImage image(CurrentUser user, long id) {
    SealImage image = images.findById(id).orElseThrow(() -> new NotFoundException("seal " + id));
    boolean own = image.kind() == SealKind.SIGNATURE && image.owner().equals(user.username());
    if (own || user.has(Role.SECURITY_ADMIN)) {
      return image;
    }
    boolean onVisibleFiling =
        decisions.findFilingIdsCarrying(id).stream()
            .anyMatch(
                filingId -> {
                  try {
                    // Whoever may read the filing, a copied reader too (the one reading rule).
                    filings.get(user, filingId);
                    return true;
                  } catch (NotFoundException e) {
                    return false;
                  }
                });
    if (!onVisibleFiling) {
      throw new NotFoundException("seal " + id);
    }
    return image;
  }

  private boolean isStampOwner(String owner) {
    if (owner == null) {
      return false;
    }
    if (directory.department(owner).isPresent()) {
      return true;
    }
    try {
      Role.valueOf(owner);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
