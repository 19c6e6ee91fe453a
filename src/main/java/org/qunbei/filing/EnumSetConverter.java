package org.qunbei.filing;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A set of choices in one column ("INTERNAL,EXTERNAL_PARTNERS"): the form's check-box groups are
 * read and written with the filing, never on their own, so a child table would only add joins.
 */
abstract class EnumSetConverter<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {

  private final Class<E> type;

  EnumSetConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(Set<E> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  @Override
  public Set<E> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return new TreeSet<>();
    }
    return Arrays.stream(column.split(","))
        .map(s -> Enum.valueOf(type, s))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @jakarta.persistence.Converter
  static class Compositions extends EnumSetConverter<Composition> {
    Compositions() {
      super(Composition.class);
    }
  }

  @jakarta.persistence.Converter
  static class Purposes extends EnumSetConverter<Purpose> {
    Purposes() {
      super(Purpose.class);
    }
  }
}
