package org.qunbei.filing.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.FormField;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Component;

/**
 * A field's value as a reader reads it on a page: labels for choices, dates as the form writes
 * them.
 */
@Component
class FieldText {

  private final Messages messages;
  private final Directory directory;

  FieldText(Messages messages, Directory directory) {
    this.messages = messages;
    this.directory = directory;
  }

  String of(FormField field, Object value) {
    if (value == null) {
      return "";
    }
    return switch (field.kind()) {
      case DATE ->
          ((LocalDate) value).format(DateTimeFormatter.ofPattern(messages.text("view.dateFormat")));
      case YES_NO -> messages.text(Boolean.TRUE.equals(value) ? "export.yes" : "export.no");
      case CHOICE -> messages.label((Enum<?>) value);
      case CHOICES ->
          ((Collection<?>) value)
              .stream()
                  .map(e -> messages.label((Enum<?>) e))
                  .collect(Collectors.joining(messages.text("list.separator")));
      case NUMBER, MOBILE -> value.toString();
      case TEXT ->
          field.key().equals("departmentCode") ? directory.nameOf((String) value) : (String) value;
    };
  }
}
