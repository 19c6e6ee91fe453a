package org.qunbei.filing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A group's name as stored: an unnamed draft's is the empty string, not NULL, while the form still
 * sees no name. The databases order NULLs differently (first on H2 and MariaDB, last on
 * PostgreSQL), so a list sorted by name could not resume after a line by its name (keyset paging,
 * {@code after=}) the same way on each; an empty name sorts first everywhere.
 */
@Converter
class NamedOrEmpty implements AttributeConverter<String, String> {

  @Override
  public String convertToDatabaseColumn(String name) {
    return name == null ? "" : name;
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return stored == null || stored.isEmpty() ? null : stored;
  }
}
