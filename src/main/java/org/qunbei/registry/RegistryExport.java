package org.qunbei.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.filing.FilingAccess;
import org.qunbei.filing.FilingOrigin;
import org.qunbei.filing.Phones;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.ReviewStepInfo;
import org.qunbei.filing.TeamRole;
import org.qunbei.system.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry as an Excel workbook: the same filters and the same scope as the list, one row per
 * filing, written as the rows arrive from the database so that memory stays bounded whatever the
 * count. Phones are masked where {@link FilingAccess#maySeePhones} says so.
 */
@Service
public class RegistryExport {

  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final List<String> HEADERS =
      List.of(
          "备案表编号", "状态", "当前审批环节", "所属部门", "群类型", "群名称", "群号", "建群日期", "群成员人数", "群成员构成", "含外部成员",
          "建群目的", "预计存续期限", "解散日期", "涉密工作", "群主", "群主职务", "群主手机", "管理员", "管理员手机", "来源", "填表日期",
          "提交时间", "更新时间");
  private static final int[] WIDTHS = {
    16, 10, 14, 16, 12, 30, 14, 12, 10, 28, 10, 28, 18, 12, 8, 10, 14, 14, 16, 28, 10, 12, 17, 17
  };

  private final ExportQuery query;
  private final Directory directory;
  private final ReviewRouting routing;
  private final Messages messages;
  private final Clock clock;

  RegistryExport(
      ExportQuery query,
      Directory directory,
      ReviewRouting routing,
      Messages messages,
      Clock clock) {
    this.query = query;
    this.directory = directory;
    this.routing = routing;
    this.messages = messages;
    this.clock = clock;
  }

  /** 备案台账-2026-11-26.xlsx: the day of the export in the school's time zone. */
  public static String fileName(Clock clock) {
    return "备案台账-" + java.time.LocalDate.now(clock) + ".xlsx";
  }

  /** How many filings the export will hold, for a progress bar. */
  @Transactional(readOnly = true)
  public long count(CurrentUser user, RegistryQuery filter) {
    return query.count(Registry.scoped(user, filter));
  }

  /**
   * Writes the workbook to {@code out}, reporting every 500 filings written to {@code progress}.
   * Returns the number of filings written.
   */
  @Transactional(readOnly = true)
  public long write(
      CurrentUser user, RegistryQuery filter, OutputStream out, LongConsumer progress) {
    Map<String, String> departments = new HashMap<>();
    directory.all().forEach(d -> departments.put(d.code(), d.name()));
    Map<String, String> steps =
        routing.steps().stream()
            .collect(Collectors.toMap(ReviewStepInfo::code, ReviewStepInfo::label));
    Labels labels = new Labels(messages);
    long[] written = {0};
    var sheet = new RegistrySheet(out, "备案台账", HEADERS, WIDTHS);
    try {
      query.forEach(
          Registry.scoped(user, filter),
          filter.pageable().getSort(),
          line -> {
            boolean phones = FilingAccess.maySeePhones(user, line.departmentCode());
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

  private void writeLine(
      RegistrySheet.Line row,
      FilingLine f,
      Map<String, String> departments,
      Map<String, String> steps,
      Labels labels,
      boolean phones) {
    var owner = f.members(TeamRole.OWNER).stream().findFirst();
    var admins = f.members(TeamRole.ADMIN);
    row.text(f.number())
        .text(labels.of(f.status()))
        .text(f.currentStep() == null ? null : steps.getOrDefault(f.currentStep(), f.currentStep()))
        .text(departments.getOrDefault(f.departmentCode(), f.departmentCode()))
        .text(labels.withOther(f.groupType(), f.groupTypeOther()))
        .text(f.groupName())
        .text(f.groupNumber())
        .date(f.createdOn())
        .number(f.memberCount())
        .text(labels.all(f.composition(), f.compositionOther()))
        .text(yesNo(f.composition().stream().anyMatch(c -> c.isExternal())))
        .text(labels.all(f.purposes(), f.purposeOther()))
        .text(labels.withOther(f.lifetime(), f.lifetimeOther()))
        .date(f.dissolveBy())
        .text(yesNo(f.classified()))
        .text(owner.map(FilingLine.Member::name).orElse(null))
        .text(owner.map(FilingLine.Member::title).orElse(null))
        .text(owner.map(m -> phone(m.mobile(), phones)).orElse(null))
        .text(joined(admins.stream().map(FilingLine.Member::name).toList()))
        .text(joined(admins.stream().map(m -> phone(m.mobile(), phones)).toList()))
        .text(f.origin() == FilingOrigin.PAPER ? "纸质备案导入" : "线上备案")
        .date(f.filledOn())
        .dateTime(local(f.submittedAt()))
        .dateTime(local(f.updatedAt()));
  }

  private static String phone(String mobile, boolean whole) {
    return whole ? mobile : Phones.mask(mobile);
  }

  private static String joined(Collection<String> parts) {
    String s =
        parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("、"));
    return s.isEmpty() ? null : s;
  }

  private static String yesNo(boolean b) {
    return b ? "是" : "否";
  }

  private LocalDateTime local(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
  }

  /** Enum labels as the form prints them, looked up once per value. */
  private static final class Labels {
    private final Messages messages;
    private final Map<Enum<?>, String> cache = new HashMap<>();

    Labels(Messages messages) {
      this.messages = messages;
    }

    String of(Enum<?> e) {
      return e == null ? null : cache.computeIfAbsent(e, messages::label);
    }

    String withOther(Enum<?> e, String other) {
      String label = of(e);
      return other == null || other.isBlank() || label == null ? label : label + "：" + other;
    }

    String all(Collection<? extends Enum<?>> choices, String other) {
      return joined(
          choices.stream()
              .map(c -> c.name().equals("OTHER") ? withOther(c, other) : of(c))
              .toList());
    }
  }
}
