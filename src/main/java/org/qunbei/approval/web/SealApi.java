package org.qunbei.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.approval.SealImage;
import org.qunbei.approval.Seals;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signatures and stamps for scripts: {@code PUT /api/me/signature}, {@code PUT
 * /api/stamps/{owner}}.
 */
@RestController
class SealApi {

  private final Seals seals;

  SealApi(Seals seals) {
    this.seals = seals;
  }

  @PutMapping(
      path = "/api/me/signature",
      consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
  Uploaded signature(CurrentUser user, HttpServletRequest request, @RequestBody byte[] image) {
    return Uploaded.of(seals.uploadSignature(user, image, request.getContentType(), null));
  }

  @PutMapping(
      path = "/api/stamps/{owner}",
      consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
  Uploaded stamp(
      CurrentUser user,
      @PathVariable String owner,
      HttpServletRequest request,
      @RequestBody byte[] image) {
    return Uploaded.of(seals.uploadStamp(user, owner, image, request.getContentType(), null));
  }

  record Uploaded(Long id, String kind, String owner, String contentType, Instant uploadedAt) {
    static Uploaded of(SealImage s) {
      return new Uploaded(s.id(), s.kind().name(), s.owner(), s.contentType(), s.uploadedAt());
    }
  }
}
