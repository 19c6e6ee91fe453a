package org.qunbei.registry.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FormField;
import org.qunbei.filing.FormFields;
import org.qunbei.filing.FormSection;
import org.qunbei.filing.Lineage;
import org.qunbei.filing.Phones;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.ReviewStepInfo;
import org.qunbei.registry.RegistryQuery;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry as an Excel workbook: the same filters and the same scope as the list, one row per
 * filing, written as the rows arrive from the database so that memory stays bounded whatever the
 * count. Mobiles are masked where {@link FilingAccess#maySeeMobiles} says so, as on every view.
 */
@Service
public class RegistryExport {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The columns before the form's fields: where the filing stands. */
  static final List<String> LEADING =
      List.of("export.number", "export.status", "export.currentStep");

  /** Each step's columns in section 五's order, after the form's fields. */
  static final List<String> PER_STEP =
      List.of(
          "export.step.decision", "export.step.opinion", "export.step.decider", "export.step.date");

  static final List<String> TRAILING =
      List.of(
          "export.external",
          "export.origin",
          "export.filledOn",
          "export.submittedAt",
          "export.updatedAt",
          "export.kind",
          "export.changedOn",
          "export.changeReason",
          "export.dueBy",
          "export.late",
          "export.filedAt");

  private final ExportQuery query;
  private final org.qunbei.registry.Registry registry;
  private final Directory directory;
  private final ReviewRouting routing;
  private final Messages messages;
  private final Clock clock;

  RegistryExport(
      ExportQuery query,
      org.qunbei.registry.Registry registry,
      Directory directory,
      ReviewRouting routing,
      Messages messages,
      Clock clock) {
    this.query = query;
    this.registry = registry;
    this.directory = directory;
    this.routing = routing;
    this.messages = messages;
    this.clock = clock;
  }

  /** 备案台账-2026-11-26.xlsx: the day of the export in the school's time zone. */
  public String fileName() {
    return messages.text("export.file", java.time.LocalDate.now(clock).toString());
  }

  /** How many filings the export will hold, for a progress bar. */
  @Transactional(readOnly = true)
  public long count(CurrentUser user, RegistryQuery filter) {
    return query.count(registry.scoped(user, filter));
  }

  /**
   * Writes the workbook to {@code out}, reporting every 500 filings written to {@code progress}.
   * Returns the number of filings written. Not in a transaction: the filings are read on threads of
   * their own, in a read-only transaction of theirs (ExportQuery), while this one writes.
   */
  public long write(
      CurrentUser user, RegistryQuery filter, OutputStream out, LongConsumer progress) {
    Map<String, String> departments = new HashMap<>();
    directory.all().forEach(d -> departments.put(d.code(), d.name()));
    List<ReviewStepInfo> steps = routing.steps();
    Labels labels = new Labels(messages);
    long[] written = {0};
    var sheet =
        new RegistrySheet(out, messages.text("export.sheet"), headers(steps), widths(steps));
    try {
      query.forEach(
          registry.scoped(user, filter),
          filter.pageable().getSort(),
          line -> {
            boolean phones =
                FilingAccess.maySeeMobiles(
                    user, line.content().departmentCode(), line.createdBy(), line.status());
            writeLine(sheet.line(), line, departments, steps, labels, phones);
            if (++written[0] % 500 == 0) {
              progress.accept(written[0]);
            }
          });
      sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.accept(written[0]);
    return written[0];
  }

  /** Where the filing stands, every field of 一 to 四 (FormFields), then each step of 五. */
  private List<String> headers(List<ReviewStepInfo> steps) {
    var headers = new ArrayList<String>();
    LEADING.forEach(code -> headers.add(messages.text(code)));
    FormFields.ALL.forEach(f -> headers.add(messages.text(f.label())));
    for (ReviewStepInfo step : steps) {
      PER_STEP.forEach(p -> headers.add(step.label() + "·" + messages.text(p)));
    }
    TRAILING.forEach(code -> headers.add(messages.text(code)));
    return headers;
  }

  private static int[] widths(List<ReviewStepInfo> steps) {
    var widths = new ArrayList<Integer>(List.of(16, 10, 14));
    for (FormField f : FormFields.ALL) {
      widths.add(
          switch (f.kind()) {
            case DATE, NUMBER, YES_NO -> 12;
            case MOBILE -> 14;
            case CHOICE -> 16;
            case CHOICES -> 28;
            case TEXT -> f.section() == FormSection.RULES ? 36 : 18;
          });
    }
    for (int i = 0; i < steps.size(); i++) {
      widths.addAll(List.of(10, 24, 10, 12));
    }
    widths.addAll(List.of(10, 10, 12, 17, 17, 10, 12, 30, 12, 8, 17));
    return widths.stream().mapToInt(Integer::intValue).toArray();
  }

  @SuppressWarnings("unchecked")
  private void writeLine(
      RegistrySheet.Line row,
      FilingLine f,
      Map<String, String> departments,
      List<ReviewStepInfo> steps,
      Labels labels,
      boolean phones) {
    FilingContent c = f.content();
    row.text(f.number())
        .text(labels.of(f.status()))
        .text(f.currentStep() == null ? null : stepLabel(steps, f.currentStep()));
    for (FormField field : FormFields.ALL) {
      Object value = field.valueOf(c);
      switch (field.kind()) {
        case DATE -> row.date((LocalDate) value);
        case NUMBER -> row.number((Integer) value);
        case YES_NO -> row.text(value == null ? null : labels.yesNo((Boolean) value));
        case CHOICE -> row.text(labels.of((Enum<?>) value));
        case CHOICES -> row.text(labels.all((Collection<? extends Enum<?>>) value));
        case MOBILE -> row.text(phone((String) value, phones));
        case TEXT ->
            row.text(
                field.key().equals("departmentCode")
                    ? departments.getOrDefault(c.departmentCode(), c.departmentCode())
                    : (String) value);
      }
    }
    for (ReviewStepInfo step : steps) {
      ReviewRecord d = ReviewRecord.of(f.decisions(), step.code(), f.round()).orElse(null);
      row.text(d == null ? null : labels.decision(d.decision()))
          .text(d == null ? null : d.opinion())
          .text(d == null ? null : d.signedAs())
          .date(d == null ? null : local(d.decidedAt()).toLocalDate());
    }
    row.text(labels.yesNo(c.hasExternalMembers()))
        .text(labels.of(f.origin()))
        .date(f.filledOn())
        .dateTime(local(f.submittedAt()))
        .dateTime(local(f.updatedAt()));
    Lineage lineage = f.lineage();
    boolean late = lineage.late(f.status(), f.filedAt(), clock);
    row.text(labels.of(lineage.kind()))
        .date(lineage.changedOn())
        .text(lineage.changeReason())
        .date(lineage.dueBy())
        .text(lineage.dueBy() == null ? null : labels.yesNo(late))
        .dateTime(local(f.filedAt()));
  }

  private static String stepLabel(List<ReviewStepInfo> steps, String code) {
    return steps.stream()
        .filter(s -> s.code().equals(code))
        .map(ReviewStepInfo::label)
        .findFirst()
        .orElse(code);
  }

  private static String phone(String mobile, boolean whole) {
    return whole ? mobile : Phones.mask(mobile);
  }

  private static String joined(Collection<String> parts) {
    String s =
        parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("、"));
    return s.isEmpty() ? null : s;
  }

  private LocalDateTime local(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
  }

  /** Labels as the form prints them, each looked up once per export (not once per cell). */
  private static final class Labels {
    private final Messages messages;
    private final Map<Object, String> cache = new HashMap<>();
    private final Map<Collection<? extends Enum<?>>, String> joinedChoices = new HashMap<>();
    private final Map<String, String> decisions = new HashMap<>();

    Labels(Messages messages) {
      this.messages = messages;
    }

    String of(Enum<?> e) {
      return e == null ? null : cache.computeIfAbsent(e, k -> messages.label((Enum<?>) k));
    }

    /** A set of choices, joined once per set of them (a few dozen in a whole registry). */
    String all(Collection<? extends Enum<?>> choices) {
      return choices == null
          ? null
          : joinedChoices.computeIfAbsent(
              choices, k -> joined(k.stream().<String>map(this::of).toList()));
    }

    String yesNo(boolean b) {
      return text(b ? "export.yes" : "export.no");
    }

    String decision(String kind) {
      return kind == null ? null : decisions.computeIfAbsent(kind, k -> text("DecisionKind." + k));
    }

    private String text(String code) {
      return cache.computeIfAbsent(code, k -> messages.text((String) k));
    }
  }
}
