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

  /** The group's image carried over to its change filing, where it may then be replaced. */
  static GroupQrCode copyOf(GroupQrCode qr, Long filingId, Instant now) {
    var copy = new GroupQrCode();
    copy.filingId = filingId;
    copy.contentType = qr.contentType;
    copy.image = qr.image.clone();
    copy.content = qr.content;
    copy.uploadedAt = qr.uploadedAt;
    return copy;
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
