package org.qunbei.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.qunbei.filing.CommitmentAcceptance;
import org.qunbei.filing.Composition;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FormField;
import org.qunbei.filing.FormFields;
import org.qunbei.filing.GroupType;
import org.qunbei.filing.Lifetime;
import org.qunbei.filing.Purpose;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.TeamMember;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The printout's digest moves with every value the paper shows, field by field over the form's one
 * definition, in the section that shows it, and with nothing the paper leaves out.
 */
class PrintDigestsTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final byte[] KEY = "a filing's own 32-byte secret!!!".getBytes();
  static final Instant DECIDED = Instant.parse("2026-09-02T02:00:00Z");

  /** The API example: WeChat, external partners with their steward, short-term. */
  static FilingContent example() throws Exception {
    return JSON.readValue(
        Files.readString(Path.of("src/test/resources/filing-example.json")), FilingContent.class);
  }

  /** Every "other" chosen with its text, no external members (so no steward printed). */
  static FilingContent others() throws Exception {
    return example()
        .edit(
            e -> {
              e.groupType = GroupType.OTHER;
              e.groupTypeOther = "飞书";
              e.composition = EnumSet.of(Composition.OTHER);
              e.compositionOther = "校友";
              e.purposes = EnumSet.of(Purpose.OTHER);
              e.purposeOther = "校友联络";
              e.lifetime = Lifetime.OTHER;
              e.lifetimeOther = "校友会存续期间";
            });
  }

  static PrintDigestsTest.Paper paper(FilingContent content) {
    return new Paper(content, "QB-2026-00042", "https://weixin.qq.com/g/x", decision("同意"));
  }

  record Paper(FilingContent content, String number, String qr, ReviewRecord first) {
    PrintDigests.Printed printed() {
      return new PrintDigests.Printed(
          number,
          LocalDate.of(2026, 9, 1),
          content,
          qr,
          new CommitmentAcceptance("applicant", "张申请", Instant.parse("2026-09-01T01:02:03Z")),
          List.of(
              new PrintDigests.Printed.Approval("department", first),
              new PrintDigests.Printed.Approval("secrecy", null)));
    }

    PrintDigest digest() {
      return PrintDigests.compute(KEY, printed());
    }
  }

  static ReviewRecord decision(String opinion) {
    return new ReviewRecord(
        1, "department", "APPROVE", opinion, "depthead", "刘主任", DECIDED, null, null);
  }

  /** Fields the printout of this content does not show: what filing would have cleared. */
  static final Map<String, Set<String>> HIDDEN =
      Map.of(
          "example",
          Set.of("groupTypeOther", "compositionOther", "purposeOther", "lifetimeOther"),
          "others",
          Set.of(
              "dissolveBy",
              "externalSteward.name",
              "externalSteward.title",
              "externalSteward.officePhone",
              "externalSteward.mobile"));

  @Test
  void everyFieldThePrintoutShowsMovesItsSectionsDigestAndTheWholeAndNothingElse()
      throws Exception {
    Set<String> moved = new TreeSet<>();
    for (var base : Map.of("example", example(), "others", others()).entrySet()) {
      PrintDigest before = paper(base.getValue()).digest();
      for (FormField f : FormFields.ALL) {
        FilingContent changed = changed(base.getValue(), f);
        assertThat(f.valueOf(changed)).as(f.path(changed)).isNotEqualTo(f.valueOf(base.getValue()));
        PrintDigest after = paper(changed).digest();
        String what = base.getKey() + ": " + f.path(changed);
        if (HIDDEN.get(base.getKey()).contains(f.key())) {
          assertThat(after).as(what + " is not printed").isEqualTo(before);
          continue;
        }
        moved.add(f.path(changed));
        DigestSection section = DigestSection.of(f.section());
        assertThat(after.whole()).as(what).isNotEqualTo(before.whole());
        for (DigestSection s : DigestSection.values()) {
          if (s == section) {
            assertThat(after.sections().get(s)).as(what).isNotEqualTo(before.sections().get(s));
          } else {
            assertThat(after.sections().get(s))
                .as(what + " in " + s)
                .isEqualTo(before.sections().get(s));
          }
        }
      }
    }
    // Every field of the form, each team field on each of the four rows, moved it somewhere.
    Set<String> all = new TreeSet<>();
    for (FormField f : FormFields.ALL) {
      all.add(f.path(example()));
    }
    assertThat(moved).isEqualTo(all);
  }

  @Test
  void theHeaderTheGroupsQrCodeTheAcceptanceAndEachDecisionCountInTheirSections() throws Exception {
    Paper base = paper(example());
    PrintDigest d = base.digest();
    assertOnly(
        d,
        new Paper(base.content(), "QB-2026-00043", base.qr(), base.first()).digest(),
        DigestSection.BASIC);
    assertOnly(
        d,
        new Paper(base.content(), base.number(), "https://weixin.qq.com/g/y", base.first())
            .digest(),
        DigestSection.BASIC);
    assertOnly(
        d,
        new Paper(base.content(), base.number(), base.qr(), decision("同意，请加强管理")).digest(),
        DigestSection.APPROVAL);
    assertOnly(
        d,
        new Paper(base.content(), base.number(), base.qr(), null).digest(),
        DigestSection.APPROVAL);
    ReviewRecord otherDecider =
        new ReviewRecord(1, "department", "APPROVE", "同意", "depthead", "王主任", DECIDED, null, null);
    assertOnly(
        d,
        new Paper(base.content(), base.number(), base.qr(), otherDecider).digest(),
        DigestSection.APPROVAL);
    ReviewRecord nextDay =
        new ReviewRecord(
            1,
            "department",
            "APPROVE",
            "同意",
            "depthead",
            "刘主任",
            DECIDED.plusSeconds(86_400),
            null,
            null);
    assertOnly(
        d,
        new Paper(base.content(), base.number(), base.qr(), nextDay).digest(),
        DigestSection.APPROVAL);
    // The paper prints the day of a decision, not its time, and not the signature image's id.
    ReviewRecord sameDay =
        new ReviewRecord(
            1,
            "department",
            "APPROVE",
            "同意",
            "depthead",
            "刘主任",
            DECIDED.plusSeconds(3_600),
            9L,
            10L);
    assertThat(new Paper(base.content(), base.number(), base.qr(), sameDay).digest()).isEqualTo(d);
  }

  @Test
  void whatThePaperDoesNotShowDoesNotMoveIt() throws Exception {
    FilingContent c = example();
    PrintDigest d = paper(c).digest();
    // The owner listed last: still on the owner's row, the admins keep theirs.
    List<TeamMember> ownerLast = new ArrayList<>(c.team());
    ownerLast.add(ownerLast.remove(0));
    assertThat(paper(c.edit(e -> e.team = ownerLast)).digest()).as("team list order").isEqualTo(d);
    List<TeamMember> withStray = new ArrayList<>(c.team());
    withStray.add(new TeamMember(null, "无岗位者", null, null, "13800000000", null));
    assertThat(paper(c.edit(e -> e.team = withStray)).digest()).as("no paper row").isEqualTo(d);
    FilingContent blank = c.edit(e -> e.groupNumber = "  ");
    assertThat(paper(blank).digest()).as("blank prints as nothing").isEqualTo(d);
  }

  @Test
  void theDigestIsKeyedSoItGivesNothingAwayWithoutTheFilingsSecret() throws Exception {
    var printed = paper(example()).printed();
    PrintDigest mine = PrintDigests.compute(KEY, printed);
    PrintDigest other =
        PrintDigests.compute("another filing's 32-byte secret!".getBytes(), printed);
    assertThat(other.whole()).isNotEqualTo(mine.whole());
    for (DigestSection s : DigestSection.values()) {
      assertThat(other.sections().get(s)).isNotEqualTo(mine.sections().get(s));
    }
  }

  @Test
  void printedInGroupsOfFourAndReadBackWithoutCaseSpacesOrDashes() throws Exception {
    PrintDigest d = paper(example()).digest();
    assertThat(d.whole()).matches("[0-9A-F]{16}");
    assertThat(d.wholeShown()).matches("[0-9A-F]{4}(-[0-9A-F]{4}){3}");
    assertThat(d.sectionShown(DigestSection.TEAM)).matches("[0-9A-F]{4}-[0-9A-F]{4}");
    assertThat(d.matchesWhole(" " + d.wholeShown().toLowerCase().replace("-", " - ") + " "))
        .contains(true);
    String other =
        d.whole().startsWith("0") ? "1" + d.whole().substring(1) : "0" + d.whole().substring(1);
    assertThat(d.matchesWhole(other)).contains(false);
    assertThat(d.matchesWhole("not a digest")).isEmpty();
    assertThat(d.matchesWhole(d.whole() + "0")).isEmpty();
    assertThat(d.matchesSection(DigestSection.RULES, d.sectionShown(DigestSection.RULES)))
        .contains(true);
    assertThat(d.matchesSection(DigestSection.RULES, d.sectionShown(DigestSection.TEAM)))
        .contains(false);
  }

  static void assertOnly(PrintDigest before, PrintDigest after, DigestSection section) {
    assertThat(after.whole()).isNotEqualTo(before.whole());
    for (DigestSection s : DigestSection.values()) {
      assertThat(after.sections().get(s).equals(before.sections().get(s)))
          .as(s.name())
          .isEqualTo(s != section);
    }
  }

  /** The content with one field given another value of its kind, through its JSON path. */
  static FilingContent changed(FilingContent c, FormField f) {
    ObjectNode root = JSON.valueToTree(c);
    String[] parts = f.path(c).split("\\.");
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = step(node, parts[i]);
    }
    ObjectNode parent = (ObjectNode) node;
    String name = parts[parts.length - 1];
    Object now = f.valueOf(c);
    parent.set(name, JSON.valueToTree(other(f, now)));
    return JSON.treeToValue(root, FilingContent.class);
  }

  private static JsonNode step(JsonNode node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return node.path(part);
    }
    ArrayNode list = (ArrayNode) node.path(part.substring(0, bracket));
    return list.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object other(FormField f, Object now) {
    UnaryOperator<String> text = s -> (s == null ? "" : s) + "改";
    return switch (f.kind()) {
      case TEXT -> text.apply((String) now);
      case MOBILE ->
          now == null
              ? "13900000000"
              : ((String) now).substring(0, 10) + (((String) now).endsWith("9") ? "8" : "9");
      case NUMBER -> now == null ? 1 : (Integer) now + 1;
      case DATE -> now == null ? LocalDate.of(2026, 1, 1) : ((LocalDate) now).plusDays(1);
      case YES_NO -> !Boolean.TRUE.equals(now);
      case CHOICE -> {
        Enum<?> e = (Enum<?>) now;
        Object[] all = e.getDeclaringClass().getEnumConstants();
        yield all[(e.ordinal() + 1) % all.length];
      }
      case CHOICES -> {
        Set<Enum> set = new TreeSet<>((Set<Enum>) now);
        Enum first = (Enum) set.iterator().next().getDeclaringClass().getEnumConstants()[0];
        if (!set.remove(first)) {
          set.add(first);
        }
        yield set;
      }
    };
  }
}
