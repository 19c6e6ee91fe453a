package org.qunbei.registry.paper;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qunbei.system.Messages;

/**
 * Turns a cell's text into the value a column holds — a date, a whole number, 是/否, one or more
 * choices of the form — and reports what it cannot read, naming the column. Choices are read by the
 * form's own wording (微信群, 本单位内部人员…), by a short form of it (微信, 内部人员) or by the API's code
 * (WECHAT).
 */
public final class CellParser {

  /** How the paper-era sheet writes yes and no. */
  static final String YES = org.qunbei.shared.sheet.WorkbookRows.YES;

  static final String NO = org.qunbei.shared.sheet.WorkbookRows.NO;

  private static final Pattern SEPARATORS = Pattern.compile("[、,，;；/\\n]+");
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-M-d"),
          DateTimeFormatter.ofPattern("uuuu/M/d"),
          DateTimeFormatter.ofPattern("uuuu.M.d"),
          DateTimeFormatter.ofPattern("uuuu年M月d日"));

  private final Messages messages;
  private final List<ImportIssue> issues;
  private final Map<Class<?>, Map<String, Enum<?>>> choices = new LinkedHashMap<>();
  private int line;
  private String column;

  CellParser(Messages messages, List<ImportIssue> issues) {
    this.messages = messages;
    this.issues = issues;
  }

  void at(int line, String column) {
    this.line = line;
    this.column = column;
  }

  int issueCount() {
    return issues.size();
  }

  /** The columns reported since the count was {@code from}. */
  java.util.Set<String> columnsWithIssuesSince(int from) {
    var columns = new java.util.HashSet<String>();
    issues.subList(from, issues.size()).forEach(i -> columns.add(i.column()));
    return columns;
  }

  void problem(String message) {
    issues.add(new ImportIssue(line, column, message));
  }

  /** A problem told by its message code, in the importer's language. */
  void problemCode(String code, Object... args) {
    problem(messages.text(code, args));
  }

  LocalDate date(String value) {
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(value, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
      } catch (DateTimeParseException e) {
        // try the next way of writing a date
      }
    }
    problem("日期“" + value + "”无法识别，请写成 2026-09-01 的格式");
    return null;
  }

  Integer wholeNumber(String value) {
    try {
      return Integer.valueOf(value.replace(",", "").strip());
    } catch (NumberFormatException e) {
      problem("“" + value + "”不是整数");
      return null;
    }
  }

  Boolean yesNo(String value) {
    return switch (value.strip()) {
      case "是", "有", "已签署", "Y", "y", "TRUE", "true", "1" -> true;
      case "否", "无", "未签署", "N", "n", "FALSE", "false", "0" -> false;
      default -> {
        problem("请填写“是”或“否”，而不是“" + value + "”");
        yield null;
      }
    };
  }

  <E extends Enum<E>> E choice(String value, Class<E> type, Map<String, E> aliases) {
    E e = lookup(value, type, aliases);
    if (e == null) {
      problem("“" + value + "”不是可选的值，可填：" + allowed(type));
    }
    return e;
  }

  <E extends Enum<E>> Set<E> choices(String value, Class<E> type, Map<String, E> aliases) {
    Set<E> chosen = EnumSet.noneOf(type);
    for (String part : SEPARATORS.split(value)) {
      if (!part.isBlank()) {
        E e = choice(part, type, aliases);
        if (e != null) {
          chosen.add(e);
        }
      }
    }
    return chosen;
  }

  /** The form's wording of every value, as the template's help lists them. */
  <E extends Enum<E>> String allowed(Class<E> type) {
    return java.util.Arrays.stream(type.getEnumConstants())
        .map(messages::label)
        .collect(Collectors.joining("、"));
  }

  @SuppressWarnings("unchecked")
  private <E extends Enum<E>> E lookup(String value, Class<E> type, Map<String, E> aliases) {
    Map<String, Enum<?>> known =
        choices.computeIfAbsent(
            type,
            t -> {
              Map<String, Enum<?>> m = new LinkedHashMap<>();
              for (E e : type.getEnumConstants()) {
                m.put(normal(e.name()), e);
                m.put(normal(messages.label(e, java.util.Locale.SIMPLIFIED_CHINESE)), e);
              }
              aliases.forEach((k, v) -> m.put(normal(k), v));
              return m;
            });
    return (E) known.get(normal(value));
  }

  /** Case, spaces and full-width brackets do not matter. */
  static String normal(String s) {
    return s.strip()
        .replaceAll("\\s+", "")
        .replace('（', '(')
        .replace('）', ')')
        .toUpperCase(java.util.Locale.ROOT);
  }
}
