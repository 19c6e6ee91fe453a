package org.qunbei.system;

import java.util.List;
import org.qunbei.shared.Violation;
import org.qunbei.shared.Violations;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns message codes and violations into text in the caller's language. */
@Component
public class Messages {

  private final MessageSource source;

  Messages(MessageSource source) {
    this.source = source;
  }

  public String text(String code, Object... args) {
    return source.getMessage(code, args, code, LocaleContextHolder.getLocale());
  }

  /** In a given language, with arguments: texts stored for a reader not present now. */
  public String textIn(java.util.Locale locale, String code, Object... args) {
    return source.getMessage(code, args, code, locale);
  }

  /** In a given language: the printed form is Chinese whatever the reader's language. */
  public String text(String code, java.util.Locale locale) {
    return source.getMessage(code, null, code, locale);
  }

  /** How the form names a choice: {@code GroupType.WECHAT} → 微信群 (messages.properties). */
  public String label(Enum<?> choice) {
    return text(choice.getDeclaringClass().getSimpleName() + "." + choice.name());
  }

  /** A label or message that names its own code and arguments (FormField.label()). */
  public String text(org.springframework.context.MessageSourceResolvable r) {
    return source.getMessage(r, LocaleContextHolder.getLocale());
  }

  /** A choice as the paper-era sheet writes it (Chinese, whatever the reader's language). */
  public String label(Enum<?> choice, java.util.Locale locale) {
    return text(choice.getDeclaringClass().getSimpleName() + "." + choice.name(), locale);
  }

  public String text(Violation v) {
    return text(v.code(), v.args());
  }

  /** One entry per violation, in the API's {@code {field, message}} shape. */
  public List<FieldMessage> fieldMessages(Violations violations) {
    return violations.list().stream().map(v -> new FieldMessage(v.field(), text(v))).toList();
  }

  public record FieldMessage(String field, String message) {}
}
