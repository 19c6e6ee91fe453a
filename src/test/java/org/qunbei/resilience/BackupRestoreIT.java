package org.qunbei.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.qunbei.support.Api;
import org.qunbei.support.AppProcess;
import org.qunbei.support.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A backup restores to exactly what was there. Filings in every state (with their decisions, a
 * transfer, copies, notices, images, the audit trail and its signed checkpoints) are made over
 * HTTP; the database is backed up and restored with the commands of docs/operations.md ("Backup and
 * restore") run as processes; then every row of every table of the copy is compared with the
 * original, the application is started on the copy and the auditor's verification of the whole
 * chain must say intact, and a filing and its printed form must read as before. A backup cut short
 * must make the documented restore fail, not half-restore.
 */
class BackupRestoreIT {

  static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  static final Path JAR = Path.of(System.getProperty("qunbei.crash.jar", "target/qunbei.jar"));

  /** PostgreSQL in ./mvnw verify; both with -Pcrash (H2's proof starts the app three times). */
  static java.util.stream.Stream<String> databases() {
    return java.util.Arrays.stream(
            System.getProperty("qunbei.backup.databases", "postgresql,h2").split(","))
        .map(String::strip)
        .filter(d -> !d.isEmpty());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("databases")
  void aRestoredBackupHoldsEveryRowAndAVerifiedAuditTrail(String db) throws Exception {
    long t0 = System.nanoTime();
    Path dir = Files.createTempDirectory("qunbei-backup-" + db);
    Path log = Path.of("target/backup/" + db + ".log");
    Files.deleteIfExists(log);
    String source = prepareSource(db, dir);

    // 1. Filings in every state, as the demo accounts would make them.
    var app =
        new AppProcess(
            JAR,
            log,
            args(
                source,
                db,
                // Signed checkpoints while the seed runs, so that the copy carries some.
                "--qunbei.audit.checkpoint.initial-delay=PT1S",
                "--qunbei.audit.checkpoint.interval=PT1S"));
    Seeded seeded;
    Map<Long, JsonNode> before = new TreeMap<>();
    byte[] pdfBefore;
    JsonNode chainBefore;
    Path backup = dir.resolve(db.equals("h2") ? "qunbei-backup.zip" : "qunbei.dump");
    long backupMillis = 0;
    // On PostgreSQL, the database as the dump saw it: a transaction on the snapshot the dump is
    // given, kept open until the comparison (the application goes on writing meanwhile: its
    // checkpoint schedule takes its lock every second).
    Connection reference = null;
    try {
      app.start(Duration.ofSeconds(120));
      seeded = seed(app.port());
      for (long id : seeded.byState.values()) {
        before.put(id, Api.as(app.port(), "applicant").get("/api/filings/" + id).json());
      }
      pdfBefore =
          Api.as(app.port(), "applicant").get("/api/filings/" + seeded.printed + "/pdf").bytes();
      chainBefore = Api.as(app.port(), "auditor").get("/api/audit/chain").json();
      assertThat(chainBefore.path("intact").asBoolean()).as(chainBefore.toString()).isTrue();
      // Nothing is appended from here on: the next checkpoint (every second) signs the head.
      Thread.sleep(3000);
      if (db.equals("postgresql")) {
        // pg_dump needs no stop: it is taken while the application serves. The test adds
        // --snapshot to the documented command only to compare against the very same moment.
        reference = connect(db, source);
        reference.setAutoCommit(false);
        reference.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        String snapshot;
        try (Statement s = reference.createStatement();
            ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
          rs.next();
          snapshot = rs.getString(1);
        }
        long b = System.nanoTime();
        run(
            "pg_dump",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-Fc",
            "--snapshot=" + snapshot,
            "-f",
            backup.toString(),
            "qunbei_backup");
        backupMillis = (System.nanoTime() - b) / 1_000_000;
        assertThat(Api.as(app.port(), "applicant").get("/api/filings/" + seeded.printed).status())
            .as("the application serves on after the dump")
            .isEqualTo(200);
      }
    } finally {
      app.stop();
    }
    assertCheckpointAtHead(db, reference, source);

    // 2. The documented backup and restore.
    String restored;
    long restoreMillis;
    if (db.equals("postgresql")) {
      dropDatabase("qunbei_restored");
      long r = System.nanoTime();
      run("createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", "template0", "qunbei_restored");
      run(
          "pg_restore",
          "-h",
          "127.0.0.1",
          "-U",
          "postgres",
          "--no-owner",
          "--exit-on-error",
          "--single-transaction",
          "-d",
          "qunbei_restored",
          backup.toString());
      restoreMillis = (System.nanoTime() - r) / 1_000_000;
      restored = PG + "qunbei_restored";
    } else {
      // H2: the application is stopped (the embedded database is locked by it), H2's own tool
      // from the application's jar writes the script, the application starts again.
      Path extracted = dir.resolve("extracted");
      run(
          java(),
          "-Djarmode=tools",
          "-jar",
          JAR.toString(),
          "extract",
          "--destination",
          extracted.toString());
      String h2 = h2Jar(extracted);
      long b = System.nanoTime();
      run(
          java(),
          "-cp",
          h2,
          "org.h2.tools.Script",
          "-url",
          "jdbc:h2:file:" + dir.resolve("data/qunbei"),
          "-user",
          "sa",
          "-script",
          backup.toString(),
          "-options",
          "compression",
          "zip");
      backupMillis = (System.nanoTime() - b) / 1_000_000;
      long r = System.nanoTime();
      run(
          java(),
          "-cp",
          h2,
          "org.h2.tools.RunScript",
          "-url",
          "jdbc:h2:file:" + dir.resolve("data.restored/qunbei"),
          "-user",
          "sa",
          "-script",
          backup.toString(),
          "-options",
          "compression",
          "zip");
      restoreMillis = (System.nanoTime() - r) / 1_000_000;
      restored = "jdbc:h2:file:" + dir.resolve("data.restored/qunbei");
    }

    // 3. Every row of every table.
    Comparison diff;
    if (reference != null) {
      try (Connection copy = connect(db, restored)) {
        diff = compare(db, reference, copy);
      } finally {
        reference.rollback();
        reference.close();
      }
    } else {
      try (Connection original = connect(db, source);
          Connection copy = connect(db, restored)) {
        diff = compare(db, original, copy);
      }
    }
    System.out.printf(
        "%n[backup] %s: backup %d ms (%,d bytes), restore %d ms; %d tables, %,d rows compared,"
            + " %d differences; per table %s%n",
        db,
        backupMillis,
        Files.size(backup),
        restoreMillis,
        diff.rows.size(),
        diff.rows.values().stream().mapToLong(Long::longValue).sum(),
        diff.differences.size(),
        diff.rows);
    assertThat(diff.missingTables).as("tables missing from the copy").isEmpty();
    assertThat(diff.differences).as("rows that differ").isEmpty();
    assertThat(diff.rows.get(table(db, "filing"))).isGreaterThanOrEqualTo(13L);
    assertThat(diff.rows.get(table(db, "audit_checkpoint"))).isPositive();

    // 4. The application on the copy: the trail verifies, filings and their printed form are the
    // same, and new work goes on from where the copy stands.
    var copy = new AppProcess(JAR, log, args(restored, db));
    try {
      copy.start(Duration.ofSeconds(120));
      JsonNode chain = Api.as(copy.port(), "auditor").get("/api/audit/chain").json();
      assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
      assertThat(chain.path("events").asLong()).isEqualTo(chainBefore.path("events").asLong());
      for (var e : before.entrySet()) {
        assertThat(Api.as(copy.port(), "applicant").get("/api/filings/" + e.getKey()).json())
            .as("filing %d read from the copy", e.getKey())
            .isEqualTo(e.getValue());
      }
      byte[] pdfAfter =
          Api.as(copy.port(), "applicant").get("/api/filings/" + seeded.printed + "/pdf").bytes();
      // The printed form reads the same and carries the same images (QR code, signature, stamp,
      // verification mark); its bytes differ only in the time and id PDFBox stamps on each print.
      assertThat(printed(pdfAfter))
          .as("the printed form of the restored filing")
          .isEqualTo(printed(pdfBefore));
      var applicant = Api.as(copy.port(), "applicant");
      ObjectNode body = Samples.example();
      body.put("groupType", "QQ").put("groupNumber", "88000099");
      var created = applicant.post("/api/filings", body.toString());
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      long newId = created.json().path("id").asLong();
      assertThat(before.keySet()).allSatisfy(id -> assertThat(id).isLessThan(newId));
      var submitted = applicant.post("/api/filings/" + newId + "/submit", "");
      assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
      assertThat(
              Api.as(copy.port(), "auditor")
                  .get("/api/audit/chain")
                  .json()
                  .path("intact")
                  .asBoolean())
          .isTrue();
    } finally {
      copy.stop();
    }

    // The keys are not in the backup. Without them the copy is no registry: its mobiles cannot be
    // read and its trail does not verify. (That does not depend on the database: checked once.)
    if (db.equals("h2")) {
      byte[] otherKey = new byte[32];
      new java.security.SecureRandom().nextBytes(otherKey);
      var keyless =
          new AppProcess(
              JAR,
              log,
              args(
                  restored,
                  db,
                  "--qunbei.crypto.keys=1:"
                      + java.util.Base64.getEncoder().encodeToString(otherKey),
                  "--qunbei.audit.key=not-the-key-the-trail-was-sealed-with-0123456789"));
      try {
        keyless.start(Duration.ofSeconds(120));
        var filed = Api.as(keyless.port(), "cyberoffice").get("/api/filings/" + seeded.printed);
        assertThat(filed.status()).as("a filing read under other keys").isNotEqualTo(200);
        assertThat(filed.text()).doesNotContain("13801010001");
        assertThat(
                Api.as(keyless.port(), "auditor")
                    .get("/api/audit/chain")
                    .json()
                    .path("intact")
                    .asBoolean())
            .as("the trail verified under another audit key")
            .isFalse();
      } finally {
        keyless.stop();
      }
    }

    // 5. A backup cut short: the documented restore fails and leaves nothing half-written.
    Path cut = dir.resolve("cut-" + backup.getFileName());
    byte[] whole = Files.readAllBytes(backup);
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    if (db.equals("postgresql")) {
      dropDatabase("qunbei_cut");
      run("createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", "template0", "qunbei_cut");
      int exit =
          exit(
              "pg_restore",
              "-h",
              "127.0.0.1",
              "-U",
              "postgres",
              "--no-owner",
              "--exit-on-error",
              "--single-transaction",
              "-d",
              "qunbei_cut",
              cut.toString());
      assertThat(exit).as("pg_restore of a cut dump").isNotZero();
      try (Connection c = DriverManager.getConnection(PG + "qunbei_cut", "postgres", "")) {
        assertThat(tables(c, db)).as("tables left by the failed restore").isEmpty();
      }
      dropDatabase("qunbei_cut");
    } else {
      int exit =
          exit(
              java(),
              "-cp",
              h2Jar(dir.resolve("extracted")),
              "org.h2.tools.RunScript",
              "-url",
              "jdbc:h2:file:" + dir.resolve("data.cut/qunbei"),
              "-user",
              "sa",
              "-script",
              cut.toString(),
              "-options",
              "compression",
              "zip");
      assertThat(exit).as("RunScript of a cut backup").isNotZero();
    }
    System.out.printf(
        "[backup] %s: a backup cut to half its size fails the documented restore; whole test %d"
            + " s%n",
        db, (System.nanoTime() - t0) / 1_000_000_000);
  }

  /** The filings the seed made, one (or more) per state, and the one whose form is printed. */
  record Seeded(Map<String, Long> byState, long printed) {}

  static Seeded seed(int port) throws IOException {
    var applicant = Api.as(port, "applicant");
    Map<String, Long> made = new LinkedHashMap<>();
    // Images live in the database: the head's signature, the department's stamp, a QR code.
    ok(Api.as(port, "depthead").putBytes("/api/me/signature", "image/png", png(160, 50)));
    ok(Api.as(port, "secadmin").putBytes("/api/stamps/CS", "image/png", png(90, 90)));
    ok(Api.as(port, "depthead").post("/api/me/opinions", "{\"text\":\"学院审核同意\"}"));

    made.put("DRAFT", create(applicant, 1));
    long qr = create(applicant, 2);
    ok(applicant.putBytes("/api/filings/" + qr + "/qr-code", "image/png", Samples.qrPng("q" + qr)));
    submit(applicant, qr);
    made.put("IN_REVIEW/DEPARTMENT", qr);
    made.put("IN_REVIEW/CONFIDENTIALITY", approved(port, create(applicant, 3), 1));
    long transferred = approved(port, create(applicant, 4), 1);
    ok(
        Api.as(port, "secrecy")
            .post(
                "/api/filings/" + transferred + "/transfers",
                "{\"to\":\"secrecy2\",\"reason\":\"出差\"}"));
    made.put("IN_REVIEW/CONFIDENTIALITY transferred", transferred);
    made.put("IN_REVIEW/CYBERSPACE_OFFICE", approved(port, create(applicant, 5), 2));
    long leader = approved(port, create(applicant, 6), 3);
    ok(
        Api.as(port, "leader")
            .post(
                "/api/filings/" + leader + "/copies",
                "{\"users\":[\"partyoffice\"],\"note\":\"请知悉\"}"));
    made.put("IN_REVIEW/LEADER", leader);
    long returned = create(applicant, 7);
    submit(applicant, returned);
    decide(port, "depthead", returned, "RETURN", "请补充成员名单");
    made.put("RETURNED", returned);
    long rejected = approved(port, create(applicant, 8), 1);
    decide(port, "secrecy", rejected, "REJECT", "不符合备案要求");
    made.put("REJECTED", rejected);
    made.put("FILED", approved(port, create(applicant, 9), 4));

    long superseded = approved(port, create(applicant, 10), 4);
    var change =
        applicant.post(
            "/api/filings/" + superseded + "/changes",
            "{\"changedOn\":\"" + LocalDate.now() + "\",\"reason\":\"群主变更\"}");
    assertThat(change.status()).as(change.text()).isEqualTo(201);
    long changed = change.json().path("id").asLong();
    ObjectNode content = (ObjectNode) applicant.get("/api/filings/" + changed).json();
    content.put("groupName", content.path("groupName").asString() + "（变更）");
    ok(applicant.put("/api/filings/" + changed, content.toString(), null));
    ok(
        applicant.putBytes(
            "/api/filings/" + changed + "/qr-code", "image/png", Samples.qrPng("c" + changed)));
    submit(applicant, changed);
    approved(port, changed, 4);
    made.put("SUPERSEDED", superseded);
    made.put("FILED change", changed);

    long dissolved = approved(port, create(applicant, 11), 4);
    dissolve(applicant, dissolved);
    decide(port, "depthead", dissolved, "APPROVE", "情况属实，同意解散");
    decide(port, "cyberoffice", dissolved, "APPROVE", "已登记");
    made.put("DISSOLVED", dissolved);
    long dissolving = approved(port, create(applicant, 12), 4);
    dissolve(applicant, dissolving);
    decide(port, "depthead", dissolving, "APPROVE", "情况属实，同意解散");
    made.put("FILED dissolution in review", dissolving);

    var reader = Api.as(port, "applicant");
    Map<String, String> found = new TreeMap<>();
    made.forEach(
        (state, id) -> {
          JsonNode f = reader.get("/api/filings/" + id).json();
          found.put(
              state,
              f.path("status").asString()
                  + (f.path("currentStep").isNull() ? "" : "/" + f.path("currentStep").asString()));
        });
    assertThat(found.values())
        .as("the seed reached every state: %s", found)
        .contains(
            "DRAFT",
            "IN_REVIEW/DEPARTMENT",
            "IN_REVIEW/CONFIDENTIALITY",
            "IN_REVIEW/CYBERSPACE_OFFICE",
            "IN_REVIEW/LEADER",
            "RETURNED",
            "REJECTED",
            "FILED",
            "SUPERSEDED",
            "DISSOLVED",
            "FILED/DISSOLUTION_RECORD");
    return new Seeded(made, made.get("FILED change"));
  }

  static final List<String> CHAIN = List.of("depthead", "secrecy", "cyberoffice", "leader");

  static long create(Api applicant, int n) {
    ObjectNode body = Samples.example();
    body.put("groupType", "QQ").put("groupNumber", String.valueOf(88000000 + n));
    var r = applicant.post("/api/filings", body.toString());
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("id").asLong();
  }

  static void submit(Api applicant, long id) {
    ok(applicant.post("/api/filings/" + id + "/submit", ""));
  }

  /** Submits a draft (if it is one) and has the first {@code steps} steps approve it. */
  static long approved(int port, long id, int steps) {
    var applicant = Api.as(port, "applicant");
    if ("DRAFT".equals(applicant.get("/api/filings/" + id).json().path("status").asString())) {
      submit(applicant, id);
    }
    for (int i = 0; i < steps; i++) {
      decide(port, CHAIN.get(i), id, "APPROVE", "同意");
    }
    return id;
  }

  static void decide(int port, String user, long id, String decision, String opinion) {
    ok(
        Api.as(port, user)
            .post(
                "/api/filings/" + id + "/decisions",
                "{\"decision\":\"" + decision + "\",\"opinion\":\"" + opinion + "\"}"));
  }

  static void dissolve(Api applicant, long id) {
    var r =
        applicant.post(
            "/api/filings/" + id + "/dissolution",
            "{\"dissolvedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"reason\":\"任务完成\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
  }

  static void ok(Api.Reply r) {
    assertThat(r.status()).as(r.text()).isBetween(200, 204);
  }

  /** A signed checkpoint covers the head of the trail (the seed's last event). */
  static void assertCheckpointAtHead(String db, Connection open, String url) throws SQLException {
    try (Connection own = open == null ? connect(db, url) : null) {
      Connection c = open == null ? own : open;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select h.seq, (select max(seq) from audit_checkpoint) from audit_head h")) {
        rs.next();
        assertThat(rs.getLong(1)).as("events on the trail").isPositive();
        assertThat(rs.getLong(2)).as("the last checkpoint's event").isEqualTo(rs.getLong(1));
      }
    }
  }

  // ---- comparison ----------------------------------------------------------------------------

  record Comparison(Map<String, Long> rows, List<String> missingTables, List<String> differences) {}

  /**
   * Every table of the original (from the JDBC metadata), row by row in primary-key order (all
   * columns where a table has none), every column's value; nothing excluded.
   */
  static Comparison compare(String db, Connection a, Connection b) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    List<String> missing = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    {
      TreeSet<String> inCopy = tables(b, db);
      for (String table : tables(a, db)) {
        if (!inCopy.contains(table)) {
          missing.add(table);
          continue;
        }
        String order = String.join(", ", orderColumns(a, db, table));
        String sql = "select * from " + quote(table) + " order by " + order;
        long n = 0;
        try (Statement sa = a.createStatement();
            Statement sb = b.createStatement();
            ResultSet ra = sa.executeQuery(sql);
            ResultSet rb = sb.executeQuery(sql)) {
          int columns = ra.getMetaData().getColumnCount();
          if (columns != rb.getMetaData().getColumnCount()) {
            differences.add(table + ": column count");
          }
          while (true) {
            boolean hasA = ra.next();
            boolean hasB = rb.next();
            if (!hasA && !hasB) {
              break;
            }
            if (hasA != hasB) {
              differences.add(
                  table + ": row " + n + (hasA ? " missing from" : " extra in") + " copy");
              break;
            }
            n++;
            for (int i = 1; i <= columns; i++) {
              String va = value(ra, i);
              String vb = value(rb, i);
              if (!va.equals(vb)) {
                differences.add(
                    table
                        + " row "
                        + n
                        + " "
                        + ra.getMetaData().getColumnName(i)
                        + ": "
                        + abbreviate(va)
                        + " ≠ "
                        + abbreviate(vb));
              }
            }
          }
        }
        rows.put(table, n);
      }
      if (db.equals("postgresql")) {
        String sql = "select sequencename, last_value from pg_sequences order by sequencename";
        try (Statement sa = a.createStatement();
            Statement sb = b.createStatement();
            ResultSet ra = sa.executeQuery(sql);
            ResultSet rb = sb.executeQuery(sql)) {
          Map<String, Long> seqA = new TreeMap<>();
          Map<String, Long> seqB = new TreeMap<>();
          while (ra.next()) {
            seqA.put(ra.getString(1), ra.getLong(2));
          }
          while (rb.next()) {
            seqB.put(rb.getString(1), rb.getLong(2));
          }
          if (!seqA.equals(seqB)) {
            differences.add("sequences: " + seqA + " ≠ " + seqB);
          }
        }
      }
    }
    return new Comparison(rows, missing, differences);
  }

  static TreeSet<String> tables(Connection c, String db) throws SQLException {
    TreeSet<String> names = new TreeSet<>();
    try (ResultSet rs =
        c.getMetaData()
            .getTables(null, db.equals("h2") ? "PUBLIC" : "public", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  static List<String> orderColumns(Connection c, String db, String table) throws SQLException {
    String schema = db.equals("h2") ? "PUBLIC" : "public";
    Map<Short, String> pk = new TreeMap<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        pk.put(rs.getShort("KEY_SEQ"), quote(rs.getString("COLUMN_NAME")));
      }
    }
    if (!pk.isEmpty()) {
      return new ArrayList<>(pk.values());
    }
    List<String> all = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        all.add(quote(rs.getString("COLUMN_NAME")));
      }
    }
    return all;
  }

  static String value(ResultSet rs, int i) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null) {
      return "∅";
    }
    if (v instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    if (v instanceof Blob blob) {
      return "0x" + HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
    }
    if (v instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return v.getClass().getSimpleName() + ":" + v;
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  static String quote(String identifier) {
    return "\"" + identifier + "\"";
  }

  static String table(String db, String name) {
    return db.equals("h2") ? name.toUpperCase(java.util.Locale.ROOT) : name;
  }

  // ---- databases and processes -----------------------------------------------------------------

  static String prepareSource(String db, Path dir) throws SQLException {
    if (db.equals("h2")) {
      return "jdbc:h2:file:" + dir.resolve("data/qunbei");
    }
    dropDatabase("qunbei_backup");
    try (Connection c = DriverManager.getConnection(PG + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database qunbei_backup");
    }
    return PG + "qunbei_backup";
  }

  static void dropDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    }
  }

  static Connection connect(String db, String url) throws SQLException {
    return db.equals("h2")
        ? DriverManager.getConnection(url, "sa", "")
        : DriverManager.getConnection(url, "postgres", "");
  }

  static List<String> args(String url, String db, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + url + (db.equals("h2") ? ";DB_CLOSE_ON_EXIT=FALSE" : ""));
    args.add("--spring.datasource.username=" + (db.equals("h2") ? "sa" : "postgres"));
    args.add("--spring.datasource.password=");
    // The printed form's verification mark carries this address, the same on the copy.
    args.add("--qunbei.public-url=https://qunbei.school.edu.cn");
    args.addAll(List.of(more));
    return args;
  }

  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static String h2Jar(Path extracted) throws IOException {
    try (var files = Files.list(extracted.resolve("lib"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("h2-[0-9.]+\\.jar"))
          .findFirst()
          .orElseThrow()
          .toString();
    }
  }

  static void run(String... command) throws IOException, InterruptedException {
    int exit = exit(command);
    assertThat(exit).as("exit status of %s", String.join(" ", command)).isZero();
  }

  static int exit(String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("qunbei-backup-command", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    String said = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      System.out.println(
          "[backup] " + command[0] + " exited " + p.exitValue() + ": " + abbreviateLines(said));
    }
    Files.deleteIfExists(out);
    return p.exitValue();
  }

  static String abbreviateLines(String s) {
    String[] lines = s.strip().split("\n");
    return lines.length == 0
        ? ""
        : lines[0] + (lines.length > 1 ? " … " + lines[lines.length - 1] : "");
  }

  /** A printed form as what it says, page by page, and the bytes of every image on it. */
  static List<String> printed(byte[] pdf) throws IOException {
    List<String> content = new ArrayList<>();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      content.add(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
      for (var page : doc.getPages()) {
        var resources = page.getResources();
        for (var name : resources.getXObjectNames()) {
          if (resources.getXObject(name)
              instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
            content.add(
                "image "
                    + image.getWidth()
                    + "x"
                    + image.getHeight()
                    + " "
                    + HexFormat.of()
                        .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                .digest(image.getStream().toByteArray())));
          }
        }
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    assertThat(content).as("images on the printed form").hasSizeGreaterThan(1);
    return content;
  }

  static byte[] png(int w, int h) throws IOException {
    var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(java.awt.Color.RED);
    g.drawOval(2, 2, w - 4, h - 4);
    g.dispose();
    var out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
