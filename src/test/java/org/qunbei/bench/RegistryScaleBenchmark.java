package org.qunbei.bench;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.crypto.FieldEncryption;
import org.qunbei.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry at the size of a large school's history: {@code qunbei.scale.filings} (10^6) filings
 * on PostgreSQL, seeded set-based over three years (thirty departments, every status, change
 * filings and the versions they superseded, teams, each step's decision, group claims), then the
 * registry's calls timed over HTTP as the cyberspace office (the whole registry) and as a
 * department's applicant (its scope): the list's first and a deep page, each sort, text search (a
 * two-character Chinese term, a longer fragment, an exact filing and group number), each filter,
 * the statistics, the {@code /registry} page, and an export of about 10^5 filings.
 *
 * <p>The database {@code qunbei_scale} is kept between runs: it is seeded only when it does not
 * hold the wanted count ({@code -Dqunbei.scale.reseed=true} drops and seeds it again). Run: {@code
 * ./mvnw -Pbench test -Dtest=RegistryScaleBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryScaleBenchmark {

  static final String DB = "qunbei_scale";
  static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;
  static final int FILINGS = Integer.getInteger("qunbei.scale.filings", 1_000_000);
  static final int WARMUPS = Integer.getInteger("qunbei.scale.warmups", 3);
  static final int RUNS = Integer.getInteger("qunbei.scale.runs", 20);
  static final int EXPORTS = Integer.getInteger("qunbei.scale.exports", 3);

  /** {@code calls=false} times the export alone (e.g. under a profiler), no call table. */
  static final boolean CALLS =
      Boolean.parseBoolean(System.getProperty("qunbei.scale.calls", "true"));

  /** Whether the database already held the wanted count when the run began. */
  static boolean ready;

  @LocalServerPort int port;
  @Autowired FieldEncryption encryption;
  @Autowired org.qunbei.registry.StatisticsTally tally;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ready = prepare();
    registry.add("spring.datasource.url", () -> URL);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
    registry.add("qunbei.security.lockout.address-failures", () -> "1000");
    registry.add("logging.level.root", () -> "warn");
    // No daily sweep may start over a million filings in the middle of a measurement.
    registry.add("qunbei.lifecycle.sweep-cron", () -> "-");
    registry.add("qunbei.delegation.sweep-cron", () -> "-");
    registry.add("qunbei.audit.retention-cron", () -> "-");
  }

  /**
   * Creates the database if absent, and drops a database that does not hold the wanted count (or
   * when a reseed is asked for): the application's migrations then build it afresh.
   */
  static boolean prepare() {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement s = admin.createStatement()) {
      if (Boolean.getBoolean("qunbei.scale.reseed")) {
        s.execute("drop database if exists " + DB + " with (force)");
      }
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("select count(*) from pg_database where datname = '" + DB + "'")) {
        rs.next();
        exists = rs.getInt(1) > 0;
      }
      if (exists) {
        long held = seededCount();
        if (held == FILINGS) {
          System.out.printf("%n%s already holds %,d seeded filings: not seeding%n", DB, held);
          return true;
        }
        System.out.printf(
            "%n%s holds %,d seeded filings, %,d wanted: dropped to seed again%n",
            DB, held, FILINGS);
        s.execute("drop database " + DB + " with (force)");
      }
      s.execute("create database " + DB);
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("This benchmark needs PostgreSQL at " + ADMIN_URL, e);
    }
  }

  private static long seededCount() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select coalesce((select filings from bench_seed), -1)"
                    + " where to_regclass('bench_seed') is not null")) {
      return rs.next() ? rs.getLong(1) : -1;
    } catch (SQLException e) {
      return -1; // an interrupted seed, or no bench_seed table: seed again
    }
  }

  @Test
  void registryAtScale() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
      if (!ready) {
        new Seed(c, FILINGS, encryption).run();
      }
      // Each run takes new tokens; a user holds at most 20 live ones: the earlier runs' go.
      c.createStatement().executeUpdate("delete from access_token where name = 'bench'");
      // The seed's inserts left the trigger's -1/+1 rows (V35): fold them as the app would.
      long t0 = System.nanoTime();
      tally.fold();
      System.out.printf(
          "statistics tally: %s keys, %s rows of delta left; folded in %.1f s%n",
          one(c.createStatement(), "select count(*) from filing_tally"),
          one(c.createStatement(), "select count(*) from filing_tally_delta"),
          (System.nanoTime() - t0) / 1e9);
      describe(c);
      Map<String, String> samples = samples(c);
      readable(c);
      System.out.printf(
          "%nRegistry calls over HTTP, %d warm-ups then %d timed runs each (ms):%n", WARMUPS, RUNS);
      System.out.printf("%-12s %-52s %14s %9s %9s%n", "user", "call", "matched", "p50", "p95");
      for (String user : CALLS ? List.of("cyberoffice", "applicant") : List.<String>of()) {
        measure(user, samples);
      }
      export(c);
    }
  }

  // ---------------------------------------------------------------- measuring

  record Row(String user, String call, String matched, double p50, double p95) {}

  void measure(String user, Map<String, String> samples) throws Exception {
    String token = token(user);
    HttpClient http = HttpClient.newHttpClient();
    String dept = user.equals("applicant") ? "CS" : "PHYS";
    var calls = new LinkedHashMap<String, String>();
    calls.put("list, first page (default: updatedAt desc)", "/api/filings");
    calls.put("list, page 2000 (size 20)", "/api/filings?page=2000&size=20");
    // The same depth by keyset: the cursor page 1999 hands out (ADR 24).
    var before =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/filings?page=1999&size=20"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Matcher cursor = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(before.body());
    if (cursor.find()) {
      calls.put(
          "list, page 2000 by after= (keyset)", "/api/filings?size=20&after=" + cursor.group(1));
    }
    for (String sort : sorts()) {
      calls.put("sort=" + sort + " (asc), first page", "/api/filings?sort=" + sort);
    }
    calls.put("sort=groupName, page 2000", "/api/filings?sort=groupName&page=2000&size=20");
    String byName =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(base() + "/api/filings?sort=groupName&page=1999&size=20"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    Matcher nameCursor = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(byName);
    if (nameCursor.find()) {
      calls.put(
          "sort=groupName, page 2000 by after= (keyset)",
          "/api/filings?sort=groupName&size=20&after=" + nameCursor.group(1));
    }
    calls.put("q=教学 (two characters)", "/api/filings?q=" + enc("教学"));
    calls.put("q=学生 (two characters)", "/api/filings?q=" + enc("学生"));
    calls.put("q=" + LONG_FRAGMENT + " (fragment)", "/api/filings?q=" + enc(LONG_FRAGMENT));
    calls.put(
        "q=" + samples.get("number") + " (filing number)",
        "/api/filings?q=" + enc(samples.get("number")));
    calls.put(
        "q=" + samples.get("groupNumber") + " (group number)",
        "/api/filings?q=" + enc(samples.get("groupNumber")));
    calls.put("department=" + dept, "/api/filings?department=" + dept);
    calls.put("type=QQ", "/api/filings?type=QQ");
    calls.put("status=IN_REVIEW", "/api/filings?status=IN_REVIEW");
    calls.put(
        "type=QQ&status=FILED&sort=memberCount",
        "/api/filings?type=QQ&status=FILED&sort=memberCount");
    calls.put("GET /api/statistics", "/api/statistics");
    calls.put(
        "statistics, a year of whole months",
        "/api/statistics?from="
            + (Year.now().getValue() - 1)
            + "-01-01&to="
            + (Year.now().getValue() - 1)
            + "-12-31");
    calls.put(
        "statistics, partial first and last months",
        "/api/statistics?from="
            + (Year.now().getValue() - 1)
            + "-03-15&to="
            + Year.now().getValue()
            + "-02-10");

    for (var call : calls.entrySet()) {
      String[] matched = {"-"};
      List<Long> nanos =
          times(
              () -> {
                var r =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base() + call.getValue()))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                check(r, call.getValue());
                Matcher m = TOTAL.matcher(r.body());
                if (m.find()) {
                  matched[0] = "%,d".formatted(Long.parseLong(m.group(1)));
                }
              });
      print(row(user, call.getKey(), matched[0], nanos));
    }
    // The page signs in as a browser does: pages take a session, not a token.
    HttpClient browser = signIn(user);
    String[] bytes = {"-"};
    List<Long> nanos =
        times(
            () -> {
              var r =
                  browser.send(
                      HttpRequest.newBuilder(URI.create(base() + "/registry"))
                          .header("Accept", "text/html")
                          .build(),
                      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
              check(r, "/registry");
              bytes[0] = "%,d B".formatted(r.body().getBytes(StandardCharsets.UTF_8).length);
            });
    print(row(user, "GET /registry (HTML page, session)", bytes[0], nanos));
  }

  /** The sorts the list offers ({@code RegistryQuery.SORTS}), whatever they are by now. */
  static List<String> sorts() throws ReflectiveOperationException {
    var field = Class.forName("org.qunbei.registry.RegistryQuery").getDeclaredField("SORTS");
    field.setAccessible(true);
    return ((Map<?, ?>) field.get(null)).keySet().stream().map(Object::toString).sorted().toList();
  }

  static final Pattern TOTAL = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");

  interface Call {
    void run() throws Exception;
  }

  static List<Long> times(Call call) throws Exception {
    for (int i = 0; i < WARMUPS; i++) {
      call.run();
    }
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      call.run();
      nanos.add(System.nanoTime() - t0);
    }
    Collections.sort(nanos);
    return nanos;
  }

  static Row row(String user, String call, String matched, List<Long> sorted) {
    return new Row(user, call, matched, rank(sorted, 0.50) / 1e6, rank(sorted, 0.95) / 1e6);
  }

  /** Nearest rank: of 20 runs, p50 is the 10th and p95 the 19th. */
  static long rank(List<Long> sorted, double p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
  }

  static void check(HttpResponse<?> r, String path) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  static void print(Row r) {
    System.out.printf(
        "%-12s %-52s %14s %9.1f %9.1f%n", r.user(), r.call(), r.matched(), r.p50(), r.p95());
    System.out.flush();
  }

  /**
   * The application reads seeded filings whole: one of each status, as the cyberspace office (the
   * team's mobiles decrypted, the decisions shown) and as its PDF.
   */
  void readable(Connection c) throws Exception {
    String token = token("cyberoffice");
    HttpClient http = HttpClient.newHttpClient();
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select max(id) from filing where status <> 'DRAFT' and id > 3"
                    + " group by status, kind")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    for (String id : ids) {
      for (String path : List.of("/api/filings/" + id, "/api/filings/" + id + "/pdf")) {
        var r =
            http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(
              path + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
      }
    }
    System.out.printf("read back whole and printed: filings %s%n", ids);
  }

  /** About 10^5 filings to Excel as the cyberspace office, streamed and counted, not kept. */
  void export(Connection c) throws Exception {
    String token = token("cyberoffice");
    HttpClient http = HttpClient.newHttpClient();
    String filter = "type=DINGTALK";
    // The list's count stops at 1,000 (ADR 24): the rows the export holds are counted here (the
    // cyberspace office sees every filing but drafts and superseded versions).
    String rows =
        "%,d"
            .formatted(
                Long.parseLong(
                    one(
                        c.createStatement(),
                        "select count(*) from filing where group_type = 'DINGTALK'"
                            + " and status not in ('SUPERSEDED', 'DRAFT')")));
    System.out.printf(
        "%nExport GET /api/filings/export?%s as cyberoffice (%s filings, heap cap %d MiB):%n",
        filter, rows, Runtime.getRuntime().maxMemory() / 1048576);
    List<Long> times = new ArrayList<>();
    for (int run = 0; run < EXPORTS; run++) {
      System.gc();
      DocumentBenchmark.resetPeaks();
      long t0 = System.nanoTime();
      var r =
          http.send(
              HttpRequest.newBuilder(URI.create(base() + "/api/filings/export?" + filter))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      long bytes = 0;
      try (InputStream in = r.body()) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          bytes += n;
        }
      }
      long t = System.nanoTime() - t0;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("export answered " + r.statusCode());
      }
      times.add(t);
      System.out.printf(
          "  run %d: %.2f s, %,d bytes (%.1f MiB), peak heap used %.0f MiB (old generation %.0f"
              + " MiB)%n",
          run + 1,
          t / 1e9,
          bytes,
          bytes / 1048576.0,
          DocumentBenchmark.peakHeap() / 1048576.0,
          DocumentBenchmark.peakOld() / 1048576.0);
    }
    Collections.sort(times);
    System.out.printf("  median %.2f s%n%n", times.get(times.size() / 2) / 1e9);
  }

  String base() {
    return "http://localhost:" + port;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String token(String user) {
    var r = Api.as(port, user).post("/api/me/tokens", "{\"name\":\"bench\",\"days\":\"7\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("token for " + user + ": " + r.status() + " " + r.text());
    }
    return r.json().path("token").asString();
  }

  HttpClient signIn(String user) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF field on the sign-in page");
    }
    var signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=demo123&_csrf=" + csrf.group(1)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String to = signedIn.headers().firstValue("Location").orElse("");
    if (signedIn.statusCode() != 302 || to.contains("login") || to.contains("factor")) {
      throw new IllegalStateException("sign-in as " + user + ": " + signedIn.statusCode() + to);
    }
    return browser;
  }

  // ---------------------------------------------------------------- what is there

  static void describe(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      System.out.printf("%n%s%n", one(s, "select version()"));
      System.out.printf(
          "filings %s (seeded %s; by status %s), team rows %s, decisions %s, group claims %s,"
              + " departments %s, table filing %s%n",
          one(s, "select to_char(count(*), 'FM999,999,999') from filing"),
          one(s, "select to_char(filings, 'FM999,999,999') from bench_seed"),
          one(
              s,
              "select string_agg(status || ' ' || n, ', ' order by n desc) from (select status,"
                  + " count(*) n from filing group by status) x"),
          one(s, "select to_char(count(*), 'FM999,999,999') from filing_team_member"),
          one(s, "select to_char(count(*), 'FM999,999,999') from review_decision"),
          one(s, "select to_char(count(*), 'FM999,999,999') from group_claim"),
          one(s, "select count(*) from department"),
          one(s, "select pg_size_pretty(pg_total_relation_size('filing'))"));
      System.out.printf(
          "seeded once in %s s (%s)%n",
          one(s, "select round(seconds::numeric, 1) from bench_seed"),
          one(s, "select seeded_at from bench_seed"));
    }
  }

  static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** A filed filing of CS (the applicant's department) with a QQ group: both users see it. */
  static Map<String, String> samples(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select number, group_number from filing where department_code = 'CS'"
                    + " and status = 'FILED' and group_type = 'QQ' and kind = 'NEW'"
                    + " and id > (select max(id) - "
                    + (FILINGS / 2)
                    + " from filing) order by id limit 1")) {
      rs.next();
      return Map.of("number", rs.getString(1), "groupNumber", rs.getString(2));
    }
  }

  // ---------------------------------------------------------------- seeding

  /** 1.7% of the names hold 学生资助; this longer fragment about one in 6,500. */
  static final String LONG_FRAGMENT = "学生资助2023级3班";

  /**
   * The seed, in set-based statements on a connection of its own (no statement timeout): extra
   * departments with an applicant and a head each, then the filings, their teams, decisions and
   * group claims, each derived from the row number {@code g} by a hash, so that a change filing can
   * compute the version it changes from {@code g - 1}.
   */
  static final class Seed {
    final Connection c;
    final int n;
    final FieldEncryption encryption;
    final Statement s;

    Seed(Connection c, int n, FieldEncryption encryption) throws SQLException {
      this.c = c;
      this.n = n;
      this.encryption = encryption;
      this.s = c.createStatement();
    }

    void run() throws SQLException {
      long t0 = System.nanoTime();
      System.out.printf("%nSeeding %,d filings into %s …%n", n, DB);
      exec("set synchronous_commit = off");
      exec("set work_mem = '256MB'");
      exec("set maintenance_work_mem = '512MB'");
      directory();
      functions();
      mobiles();
      long base = Long.parseLong(one(s, "select coalesce(max(id), 0) from filing"));
      step("filings", () -> filings(base));
      exec("analyze filing");
      // A change filing is the row after the version it superseded: the version changed then.
      step(
          "superseded versions",
          () ->
              exec(
                  "update filing p set updated_at = ch.filed_at from filing ch"
                      + " where ch.id = p.id + 1 and ch.previous_id = p.id"
                      + " and p.status = 'SUPERSEDED' and p.id > "
                      + base));
      step("teams", () -> teams(base));
      step("decisions", () -> decisions(base));
      step("group claims", () -> claims(base));
      step(
          "counters",
          () -> {
            exec(
                "insert into filing_number_counter (counter_year, last_value)"
                    + " select split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::bigint)"
                    + " from filing where number like 'QB-____-%' group by 1"
                    + " on conflict (counter_year) do update set last_value = excluded.last_value");
            exec(
                "select setval(pg_get_serial_sequence('filing', 'id'), (select max(id) from"
                    + " filing))");
            exec(
                "select setval(pg_get_serial_sequence('review_decision', 'id'), (select max(id)"
                    + " from review_decision))");
          });
      // Vacuumed as a registry in use would be (autovacuum): index-only scans need the visibility
      // map.
      step("vacuum analyze", () -> exec("vacuum analyze"));
      double seconds = (System.nanoTime() - t0) / 1e9;
      exec(
          "create table bench_seed (filings bigint, seconds double precision, seeded_at timestamptz)");
      exec("insert into bench_seed values (" + n + ", " + seconds + ", now())");
      System.out.printf("Seeded %,d filings in %.1f s%n", n, seconds);
    }

    interface Sql {
      void run() throws SQLException;
    }

    void step(String what, Sql sql) throws SQLException {
      long t0 = System.nanoTime();
      sql.run();
      System.out.printf("  %-20s %7.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    void exec(String sql) throws SQLException {
      s.execute(sql);
    }

    /** 27 more departments beside the demo's three, each with an applicant and a head. */
    void directory() throws SQLException {
      var sql =
          new StringBuilder(
              "insert into department (code, name, kind, head_username,"
                  + " leader_username) values ");
      for (int i = 0; i < EXTRA_DEPARTMENTS.length; i += 2) {
        String code = EXTRA_DEPARTMENTS[i];
        sql.append(i == 0 ? "" : ", ")
            .append(
                "('%s', '%s', 'DEPARTMENT', 'head_%s', 'leader')"
                    .formatted(code, EXTRA_DEPARTMENTS[i + 1], code.toLowerCase()));
      }
      exec(sql.toString());
      for (String who : List.of("app", "head")) {
        exec(
            ("insert into app_user (username, display_name, password_hash, department_code, email,"
                    + " enabled, must_change_password, password_changed_at, departed,"
                    + " totp_last_step)"
                    + " select '%s_' || lower(d.code), '%s（' || d.name || '）', a.password_hash,"
                    + " d.code, '%s_' || lower(d.code) || '@demo.qunbei.local', true, false,"
                    + " a.password_changed_at, false, 0 from department d, app_user a"
                    + " where a.username = 'applicant' and d.head_username like 'head\\_%%'")
                .formatted(who, who.equals("app") ? "申报人" : "院长", who));
        exec(
            "insert into user_role (user_id, role) select id, '"
                + (who.equals("app") ? "APPLICANT" : "DEPARTMENT_HEAD")
                + "' from app_user where username like '"
                + who
                + "\\_%'");
      }
      // Who files for and who heads each department, numbered for the seed's hash to pick from.
      exec(
          "create table bench_dept as select (row_number() over (order by d.id) - 1)::int idx,"
              + " d.code, d.name,"
              + " case d.code when 'CS' then 'applicant' when 'MATH' then 'applicant2'"
              + " when 'SMART' then 'applicant' else 'app_' || lower(d.code) end applicant,"
              + " d.head_username head from department d");
      exec(
          "alter table bench_dept add column applicant_name varchar(100),"
              + " add column head_name varchar(100)");
      exec(
          "update bench_dept b set applicant_name = (select display_name from app_user"
              + " where username = b.applicant), head_name = (select display_name from app_user"
              + " where username = b.head)");
    }

    /** The seed's hash and the dates a NEW filing's row number gives. */
    void functions() throws SQLException {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Instant start = now.minus(3 * 365, ChronoUnit.DAYS);
      long span = ChronoUnit.SECONDS.between(start, now) - 40 * 86400L;
      exec(
          "create or replace function bench_u(g bigint, k int) returns double precision"
              + " language sql immutable parallel safe as"
              + " 'select (hashint8(g * 64 + k) & 2147483647)::float8 / 2147483648.0'");
      exec(
          ("create or replace function bench_created(g bigint) returns timestamptz"
                  + " language sql immutable parallel safe as"
                  + " 'select timestamptz ''%s'' + make_interval(secs => (g::float8 / %d) * %d"
                  + " + bench_u(g, 10) * 3600)'")
              .formatted(start, n, span));
      exec(
          "create or replace function bench_filed(g bigint) returns timestamptz"
              + " language sql immutable parallel safe as"
              + " 'select bench_created(g) + make_interval(secs => bench_u(g, 12) * 5 * 86400"
              + " + (1 + floor(bench_u(g, 13) * 14)) * 86400 + bench_u(g, 16) * 28800)'");
    }

    /** Mobiles encrypted by the application's own key, as it stores them: a pool to draw from. */
    void mobiles() throws SQLException {
      exec("create table bench_mobile (k int primary key, mobile varchar(200))");
      try (var insert = c.prepareStatement("insert into bench_mobile values (?, ?)")) {
        for (int k = 0; k < 1000; k++) {
          insert.setInt(1, k);
          insert.setString(2, encryption.encrypt("139%08d".formatted(k * 7919 % 100_000_000)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    void filings(long base) throws SQLException {
      int cutoff = (int) (n * 0.95); // change filings only where their version was filed in time
      String topics = array(TOPICS);
      String suffixes = array("工作群", "通知群", "联络群", "交流群", "协调群", "值班群");
      String steps = array("DEPARTMENT", "CONFIDENTIALITY", "CYBERSPACE_OFFICE", "LEADER");
      exec(
          """
          insert into filing (id, version, number, status, current_step, department_code,
            created_by, created_at, updated_at, submitted_at, filled_on, group_type,
            group_type_other, group_name, group_number, group_created_on, member_count,
            composition, composition_details, purposes, lifetime, dissolve_by, classified,
            publishing_scope, admission, exit_rules, incident_response, retention_retain,
            retention_period, archivist, archive_method, commitment_accepted, review_round,
            origin, commitment_accepted_by, commitment_accepted_by_name, commitment_accepted_at,
            group_id, kind, previous_id, changed_on, change_reason, due_by, filed_at,
            dissolved_on, dissolution_reason, dissolution_reported_by, dissolution_reported_at,
            dissolution_due_by, dissolution_round, dissolved_at, step_since)
          select %1$d + g, 0,
            case when submitted is not null then 'QB-' || yr || '-' || lpad(seq::text, greatest(5, length(seq::text)), '0') end,
            status,
            case when status = 'IN_REVIEW' then (%5$s)[k + 1] end,
            d.code, d.applicant, created,
            case status
              when 'DRAFT' then created + make_interval(secs => bench_u(g, 17) * 2 * 86400)
              when 'IN_REVIEW' then step_since
              when 'RETURNED' then submitted + make_interval(secs => (1 + bench_u(g, 17) * 6) * 86400)
              when 'REJECTED' then submitted + make_interval(secs => (1 + bench_u(g, 17) * 6) * 86400)
              when 'DISSOLVED' then dissolved
              else filed end,
            submitted, (submitted at time zone 'Asia/Shanghai')::date,
            type,
            case when type = 'OTHER' then (array['飞书', 'Welink', 'Teams'])[1 + floor(bench_u(s, 21) * 3)::int] end,
            d.name || (%3$s)[1 + topic]
              || case when cohort >= 6 then (2014 + cohort) || '级' || cls || '班' else '' end
              || (%4$s)[1 + floor(bench_u(s, 6) * 6)::int],
            case type when 'QQ' then (100000000 + s)::text
              when 'DINGTALK' then (30000000000 + s)::text end,
            (created - make_interval(days => 30 + floor(bench_u(s, 7) * 700)::int))::date,
            case type when 'WECHAT' then 5 + floor(bench_u(s, 8) ^ 2 * 480)::int
              else 5 + floor(bench_u(s, 8) ^ 3 * 1500)::int end,
            (array['INTERNAL', 'INTERNAL', 'INTERNAL', 'INTERNAL', 'INTERNAL', 'INTERNAL',
              'INTERNAL', 'EXTERNAL_PARTNERS,INTERNAL', 'INTERNAL,SERVICE_RECIPIENTS',
              'EXTERNAL_PARTNERS'])[1 + floor(bench_u(s, 9) * 10)::int],
            '本单位教职工及相关工作人员',
            (array['DAILY_WORK', 'DAILY_WORK,INFORMATION_DISSEMINATION', 'SPECIAL_PROJECT',
              'CROSS_DEPARTMENT,DAILY_WORK', 'EMERGENCY_CONTACT', 'BUSINESS_LIAISON'])
              [1 + floor(bench_u(s, 22) * 6)::int],
            lifetime,
            case when lifetime = 'SHORT_TERM'
              then (created + make_interval(days => 180 + floor(bench_u(s, 23) * 540)::int))::date end,
            bench_u(s, 24) < 0.03,
            '仅发布工作通知与业务信息；禁止涉密信息、广告与不实信息。',
            '仅限相关教职工，由管理员审核后邀请入群。',
            '人员离岗或项目结束后当日移出。',
            '发现不良信息立即删除、留存证据并报告网信办。',
            true, '3年', (array['李晓梅', '陈静', '王芳', '赵磊'])[1 + floor(bench_u(s, 25) * 4)::int],
            '每学期导出聊天记录存档',
            status <> 'DRAFT', case when status = 'DRAFT' then 0 else 1 end, 'ONLINE',
            case when submitted is not null then d.applicant end,
            case when submitted is not null then d.applicant_name end,
            submitted,
            case when kind = 'CHANGE' then %1$d + g - 1 end, kind,
            case when kind = 'CHANGE' then %1$d + g - 1 end,
            case when kind = 'CHANGE' then (created - interval '3 days')::date end,
            case when kind = 'CHANGE' then '群管理员调整，成员人数变化' end,
            case when kind = 'CHANGE' then (created + interval '4 days')::date end,
            filed,
            case when status = 'DISSOLVED' then (dissolved - interval '5 days')::date end,
            case when status = 'DISSOLVED' then '工作任务完成，群已解散' end,
            case when status = 'DISSOLVED' then d.applicant end,
            case when status = 'DISSOLVED' then dissolved - interval '3 days' end,
            case when status = 'DISSOLVED' then (dissolved + interval '2 days')::date end,
            case when status = 'DISSOLVED' then 1 else 0 end,
            dissolved,
            step_since
          from (
            select x.*,
              to_char(submitted at time zone 'Asia/Shanghai', 'YYYY') yr,
              row_number() over (partition by submitted is null,
                  to_char(submitted at time zone 'Asia/Shanghai', 'YYYY') order by submitted, g)
                + coalesce((select last_value from filing_number_counter
                    where counter_year::text = to_char(submitted at time zone 'Asia/Shanghai', 'YYYY')), 0)
                seq,
              case when status = 'IN_REVIEW'
                then submitted + make_interval(secs => k * bench_u(g, 18) * 3 * 86400) end step_since,
              case when status = 'DISSOLVED'
                then least(filed + make_interval(days => 30 + floor(bench_u(g, 19) * 400)::int),
                  now() - interval '1 day') end dissolved
            from (
              select w.*,
                case when status in ('FILED', 'SUPERSEDED', 'DISSOLVED')
                  then submitted + make_interval(secs => (1 + floor(bench_u(g, 13) * 14)) * 86400
                    + bench_u(g, 16) * 28800) end filed
              from (
                select v.*,
                  case when status <> 'DRAFT'
                    then created + make_interval(secs => bench_u(g, 12) * 5 * 86400) end submitted
                from (
                  select u.*,
                    case when kind = 'CHANGE'
                      then least(bench_filed(g - 1)
                          + make_interval(days => 20 + floor(bench_u(g, 14) * 300)::int),
                        now() - interval '40 days')
                      else bench_created(g) end created
                  from (
                    select g, s, kind, k,
                      case when g %% 40 = 0 and g < %2$d then 'SUPERSEDED'
                        when kind = 'CHANGE' then 'FILED'
                        when r < 0.80 then 'FILED'
                        when r < 0.86 then 'IN_REVIEW'
                        when r < 0.91 then 'DRAFT'
                        when r < 0.94 then 'RETURNED'
                        when r < 0.96 then 'REJECTED'
                        else 'DISSOLVED' end status,
                      floor(bench_u(s, 1) * 30)::int dept,
                      case when t < 0.45 then 'WECHAT' when t < 0.65 then 'WECOM'
                        when t < 0.80 then 'QQ' when t < 0.92 then 'DINGTALK' else 'OTHER' end type,
                      floor(bench_u(s, 3) * %6$d)::int topic,
                      floor(bench_u(s, 4) * 12)::int cohort,
                      1 + floor(bench_u(s, 5) * 9)::int cls,
                      case when l < 0.7 then 'LONG_TERM' when l < 0.9 then 'SHORT_TERM'
                        else 'UNTIL_PROJECT_ENDS' end lifetime
                    from (
                      select g, s, kind, bench_u(g, 11) r, bench_u(s, 2) t, bench_u(s, 20) l,
                        floor(bench_u(g, 15) * 4)::int k
                      from (
                        select g,
                          case when g %% 40 = 1 and g > 1 and g - 1 < %2$d then g - 1 else g end s,
                          case when g %% 40 = 1 and g > 1 and g - 1 < %2$d then 'CHANGE' else 'NEW' end kind
                        from generate_series(1, %7$d) g
                      ) p
                    ) q
                  ) u
                ) v
              ) w
            ) x
          ) y
          join bench_dept d on d.idx = y.dept
          """
              .formatted(base, cutoff, topics, suffixes, steps, TOPICS.length, n));
    }

    void teams(long base) throws SQLException {
      exec(
          """
          insert into filing_team_member (filing_id, position, role, name, title, office_phone,
            mobile, duties)
          select f.id, p.pos,
            case p.pos when 0 then 'OWNER' when 3 then 'OTHER' else 'ADMIN' end,
            (%2$s)[1 + ((f.id * 4 + p.pos) %% 20)::int]
              || (%3$s)[1 + (((f.id * 4 + p.pos) * 7) %% 30)::int],
            (array['副院长', '办公室主任', '教学秘书', '辅导员', '教授', '副教授', '讲师',
              '实验员', '科长', '干事'])[1 + (((f.id + p.pos) * 3) %% 10)::int],
            '010-6278' || lpad(((f.id * 4 + p.pos) %% 10000)::text, 4, '0'),
            m.mobile,
            case p.pos when 0 then '全面负责群的运营与信息审核'
              when 3 then '协助处置群内突发情况' else '成员准入审核、日常通知发布' end
          from filing f
          cross join generate_series(0, 3) p(pos)
          join bench_mobile m on m.k = (f.id * 4 + p.pos) %% 1000
          where f.id > %1$d and p.pos <= f.id %% 4
          """
              .formatted(
                  base,
                  array(
                      "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
                      "林", "何", "郭", "马", "罗"),
                  array(
                      "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
                      "明", "超", "秀英", "霞", "平", "刚", "建华", "晓梅", "志强", "海燕", "文", "斌", "宇", "浩",
                      "鹏")));
    }

    /**
     * Each step's decision in round 1: all four approvals for whatever was filed; the steps before
     * the current one for a filing in review; and the returning or rejecting step's. A dissolved
     * group's two dissolution steps as well.
     */
    void decisions(long base) throws SQLException {
      exec(
          """
          insert into review_decision (filing_id, review_round, step, decision, opinion,
            decided_by, decided_by_name, decided_at)
          select f.id, 1, st.code,
            case when f.status in ('RETURNED', 'REJECTED') and st.k = f.fk
              then case f.status when 'RETURNED' then 'RETURN' else 'REJECT' end
              else 'APPROVE' end,
            case when f.status = 'RETURNED' and st.k = f.fk
                then '请补充群成员构成和管理员职责说明后重新提交'
              when f.status = 'REJECTED' and st.k = f.fk then '不符合工作群建群规定，不予备案'
              else st.opinion end,
            case st.k when 0 then d.head when 1 then case when f.classified then 'partyoffice'
              else 'secrecy' end else st.decider end,
            case st.k when 0 then d.head_name when 1 then case when f.classified
              then (select display_name from app_user where username = 'partyoffice')
              else (select display_name from app_user where username = 'secrecy') end
              else st.decider_name end,
            f.submitted_at + (coalesce(f.filed_at, f.updated_at) - f.submitted_at)
              * ((st.k + 1)::float8 / case when f.filed_at is not null then 4 else f.fk + 1 end)
          from (select f.*, floor(bench_u(f.id - %1$d, 15) * 4)::int fk from filing f
            where f.id > %1$d and f.status <> 'DRAFT') f
          join bench_dept d on d.code = f.department_code
          join (select v.*, u.display_name decider_name
              from (values (0, 'DEPARTMENT', null, '同意备案'),
                (1, 'CONFIDENTIALITY', null, '已核查保密要求，同意'),
                (2, 'CYBERSPACE_OFFICE', 'cyberoffice', '同意备案，纳入学校工作群台账'),
                (3, 'LEADER', 'leader', '同意')) v(k, code, decider, opinion)
              left join app_user u on u.username = v.decider) st
            on f.filed_at is not null
              or (f.status = 'IN_REVIEW' and st.k < f.fk)
              or (f.status in ('RETURNED', 'REJECTED') and st.k <= f.fk)
          """
              .formatted(base));
      exec(
          """
          insert into review_decision (filing_id, review_round, step, decision, opinion,
            decided_by, decided_by_name, decided_at)
          select f.id, 1, st.code, 'APPROVE', st.opinion,
            case st.k when 0 then d.head else 'cyberoffice' end,
            case st.k when 0 then d.head_name
              else (select display_name from app_user where username = 'cyberoffice') end,
            case st.k when 0 then f.dissolution_reported_at + interval '1 day' else f.dissolved_at end
          from filing f
          join bench_dept d on d.code = f.department_code
          cross join (values (0, 'DISSOLUTION_DEPARTMENT', '情况属实，同意解散'),
              (1, 'DISSOLUTION_RECORD', '已登记')) st(k, code, opinion)
          where f.id > %1$d and f.status = 'DISSOLVED'
          """
              .formatted(base));
    }

    /** Every active filing with a group number holds it; a superseded version holds nothing. */
    void claims(long base) throws SQLException {
      exec(
          "insert into group_claim (group_type, group_number, filing_id) select group_type,"
              + " group_number, id from filing where id > "
              + base
              + " and group_number is not null and status in ('IN_REVIEW', 'RETURNED', 'FILED')");
    }

    static String array(String... values) {
      var b = new StringBuilder("array[");
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "'" : ", '").append(values[i]).append("'");
      }
      return b.append("]").toString();
    }
  }

  /** Codes and names of the departments beside the demo directory's CS, MATH and SMART. */
  static final String[] EXTRA_DEPARTMENTS = {
    "PHYS", "物理学院", "CHEM", "化学学院", "BIO", "生命科学学院", "ECON", "经济学院",
    "LAW", "法学院", "LIT", "文学院", "HIST", "历史学院", "FL", "外国语学院",
    "ME", "机械工程学院", "EE", "电气工程学院", "CE", "土木工程学院", "ARCH", "建筑学院",
    "MED", "医学院", "PHARM", "药学院", "ART", "美术学院", "MUSIC", "音乐学院",
    "PE", "体育学院", "EDU", "教育学院", "MARX", "马克思主义学院", "MGMT", "管理学院",
    "ENV", "环境学院", "MAT", "材料学院", "AGRI", "农学院", "JOUR", "新闻传播学院",
    "LIB", "图书馆", "ITO", "信息化办公室", "GRAD", "研究生院"
  };

  /**
   * What the groups are for. Only 本科教学督导 holds 教学 and only 学生资助 holds 学生 (no department name,
   * suffix or neighbouring word makes either), so each two-character term matches about one name in
   * sixty.
   */
  static final String[] TOPICS = {
    "本科教学督导", "学生资助", "科研项目", "实验室安全", "党支部", "工会小组", "招生宣传", "就业指导",
    "国际交流", "校友联络", "网络安全", "后勤保障", "财务报销", "资产管理", "采购协调", "信息化建设",
    "课程思政", "毕业设计", "学科竞赛", "课题组", "学术讲座", "期刊编辑", "应急值守", "安全稳定",
    "团委", "心理健康", "宿舍管理", "图书采编", "档案管理", "质量评估", "师资培训", "实习实训",
    "创新创业", "志愿服务", "文体活动", "新闻宣传", "人事招聘", "继续教育", "外事接待", "会议筹备",
    "迎新工作", "考务", "教材建设", "教师发展", "研究生培养", "博士后管理", "重点实验室", "横向课题",
    "专利转化", "评估认证", "保密工作", "统战工作", "离退休服务", "校庆筹备", "基建项目", "设备维护",
    "医疗保障", "食堂管理", "节能管理", "数据治理"
  };
}
