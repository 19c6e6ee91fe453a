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
  private final org.springframework.beans.factory.ObjectProvider<
          org.springframework.web.servlet.LocaleResolver>
      locales;

  Messages(
      MessageSource source,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.web.servlet.LocaleResolver>
          locales) {
    this.source = source;
    this.locales = locales;
  }

  /**
   * In the language of the request's reader, for filters: they answer before Spring MVC has set the
   * language of the request.
   */
  public String forRequest(
      jakarta.servlet.http.HttpServletRequest request, String code, Object... args) {
    var resolver = locales.getIfAvailable();
    java.util.Locale locale =
        resolver == null ? java.util.Locale.SIMPLIFIED_CHINESE : resolver.resolveLocale(request);
    return source.getMessage(code, args, code, locale);
  }

  /** A problem+json body for a filter's refusal, title and detail in the reader's language. */
  public String problemJson(
      jakarta.servlet.http.HttpServletRequest request,
      int status,
      String titleCode,
      String detailCode,
      Object... args) {
    return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
        .formatted(
            json(forRequest(request, titleCode)),
            status,
            json(forRequest(request, detailCode, args)));
  }

  /**
   * A problem+json body for a filter's refusal of named fields: the first violation's text as the
   * detail, every one under {@code errors} as {@link ApiProblems} writes them.
   */
  public String problemJson(
      jakarta.servlet.http.HttpServletRequest request,
      int status,
      String titleCode,
      Violations violations) {
    StringBuilder errors = new StringBuilder();
    String detail = null;
    for (Violation v : violations.list()) {
      String text = forRequest(request, v.code(), v.args());
      detail = detail == null ? text : detail;
      errors
          .append(errors.isEmpty() ? "" : ",")
          .append("{\"field\":\"%s\",\"message\":\"%s\"}".formatted(json(v.field()), json(text)));
    }
    return ("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\","
            + "\"errors\":[%s]}")
        .formatted(json(forRequest(request, titleCode)), status, json(detail), errors);
  }

  /** Writes a filter's refusal as problem+json: the one way the security filters answer. */
  public void writeProblem(
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response,
      int status,
      String titleCode,
      String detailCode,
      Object... args)
      throws java.io.IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            problemJson(request, status, titleCode, detailCode, args)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  public String text(String code, Object... args) {
    return source.getMessage(code, args, code, LocaleContextHolder.getLocale());
  }

  /**
   * In a given language rather than the reader's: the printed form is Chinese whatever the reader
   * reads, and texts stored now for a reader not present (notices) are in the school's language.
   */
  public String textIn(java.util.Locale locale, String code, Object... args) {
    return source.getMessage(code, args, code, locale);
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
    return textIn(locale, choice.getDeclaringClass().getSimpleName() + "." + choice.name());
  }

  public String text(Violation v) {
    return text(v.code(), v.args());
  }

  /** One entry per violation, in the API's {@code {field, message}} shape. */
  public List<FieldMessage> fieldMessages(Violations violations) {
    return violations.list().stream().map(v -> new FieldMessage(v.field(), text(v))).toList();
  }

  /** Serializable: it may travel in a flash attribute, which the database-kept session holds. */
  public record FieldMessage(String field, String message) implements java.io.Serializable {}
}
