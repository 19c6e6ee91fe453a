package org.qunbei.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The group's QR image as uploaded, with the text decoded from it. One per filing. */
@Entity
@Table(name = "filing_qr_code")
public class GroupQrCode {

  @Id private Long filingId;
  private String contentType;

  @Column(name = "image")
  private byte[] image;

  private String content;
  private Instant uploadedAt;

  protected GroupQrCode() {}

  GroupQrCode(Long filingId, QrImage qr, Instant now) {
    this.filingId = filingId;
    replace(qr, now);
  }

  void replace(QrImage qr, Instant now) {
    this.contentType = qr.contentType();
    this.image = qr.bytes();
    this.content = qr.content();
    this.uploadedAt = now;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] image() {
    return image.clone();
  }

  public String content() {
    return content;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
