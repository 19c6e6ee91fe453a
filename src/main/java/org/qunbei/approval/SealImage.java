package org.qunbei.approval;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded signature or stamp. Never changed: decisions point at the image that was current when
 * they were made, so a later upload does not rewrite history.
 */
@Entity
@Table(name = "seal_image")
public class SealImage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private SealKind kind;

  /** A username for a signature; a department code or an office role for a stamp. */
  private String owner;

  private String contentType;
  private byte[] image;
  private String uploadedBy;
  private Instant uploadedAt;

  protected SealImage() {}

  SealImage(
      SealKind kind,
      String owner,
      String contentType,
      byte[] image,
      String uploadedBy,
      Instant uploadedAt) {
    this.kind = kind;
    this.owner = owner;
    this.contentType = contentType;
    this.image = image.clone();
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long id() {
    return id;
  }

  public SealKind kind() {
    return kind;
  }

  public String owner() {
    return owner;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] image() {
    return image.clone();
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
