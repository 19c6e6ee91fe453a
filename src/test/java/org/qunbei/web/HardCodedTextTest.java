package org.qunbei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a page, notice or message says comes from messages*.properties, so that it reads in the
 * reader's language. This fails the build on Chinese text in a template, a script or Java code
 * (comments aside) outside the files that must be Chinese.
 */
class HardCodedTextTest {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /** Chinese by nature: the official paper form, the demo school, the paper-era import sheet. */
  static final Set<String> CHINESE_BY_NATURE =
      Set.of(
          "templates/documents/filing-print.html",
          "org/qunbei/documents/FilingWord.java",
          "org/qunbei/accounts/internal/DemoAccounts.java",
          "org/qunbei/filing/DemoFilings.java",
          "org/qunbei/registry/paper/PaperColumns.java",
          "org/qunbei/registry/paper/ImportTemplate.java",
          "org/qunbei/registry/paper/CellParser.java",
          // 是/否 as sheets write them, and the column names of HR's staff file: input.
          "org/qunbei/shared/sheet/WorkbookRows.java",
          "org/qunbei/accounts/internal/StaffFile.java",
          "org/qunbei/accounts/internal/StaffPlan.java",
          // "转" is how Chinese office phones write an extension: input, not text.
          "org/qunbei/filing/FilingRules.java",
          // 休 and 班 are how the State Council's notices mark days off and make-up days: input.
          "org/qunbei/calendar/ArrangementFile.java",
          // Written into the record, which is kept in the school's language: the default
          // opinion 同意备案 (it is printed on the form), the audit trail's details, the name of
          // the first administrator account, the workbook's Chinese font.
          "org/qunbei/approval/DecisionRequest.java",
          // "X 代 Y": how a delegate signs for the person away on the printed form.
          "org/qunbei/filing/ReviewRecord.java",
          "org/qunbei/audit/AuditTrail.java",
          "org/qunbei/accounts/internal/ProductionSafety.java",
          "org/qunbei/registry/export/RegistrySheet.java");

  @Test
  void noChineseTextOutsideTheMessageBundles() throws IOException {
    Set<String> found = new TreeSet<>();
    found.addAll(withChinese(Path.of("src/main/resources"), ".html", false));
    found.addAll(withChinese(Path.of("src/main/resources/static"), ".js", true));
    found.addAll(withChinese(Path.of("src/main/java"), ".java", true));
    found.removeAll(CHINESE_BY_NATURE);
    assertThat(found)
        .as("Chinese text outside messages*.properties: move it to the bundles")
        .isEmpty();
  }

  private static List<String> withChinese(Path root, String suffix, boolean java)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(suffix))
          .filter(p -> HAN.matcher(text(p, java)).find())
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .toList();
    }
  }

  /** The file's text without comments, which may explain things in any language. */
  private static String text(Path p, boolean java) {
    try {
      String s = Files.readString(p);
      if (java) {
        s = s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
      } else {
        s = s.replaceAll("(?s)<!--.*?-->", "");
        // What an element with th:text holds is a designer's placeholder, replaced when the page
        // renders; the expression itself is still read.
        s = s.replaceAll("(?s)(th:(?:u?text|replace)=\"[^\"]*\"[^>]*>)[^<]*<", "$1<");
      }
      return s;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
