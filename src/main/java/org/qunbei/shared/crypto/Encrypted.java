package org.qunbei.shared.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A text column encrypted at rest: {@code @Convert(converter = Encrypted.class)} on the attribute.
 * Hibernate gets it from Spring (its bean container), so it uses the one configured provider.
 */
@Converter
public class Encrypted implements AttributeConverter<String, String> {

  private final FieldEncryption encryption;

  public Encrypted(FieldEncryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public String convertToDatabaseColumn(String plain) {
    return encryption.encrypt(plain);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return encryption.decrypt(stored);
  }
}
