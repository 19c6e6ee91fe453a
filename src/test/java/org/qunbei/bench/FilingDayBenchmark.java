package org.qunbei.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.AppProcess;
import org.qunbei.support.PageSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole school's filing day over HTTP: the packaged application as a process of its own, with a
 * small school server's heap, on PostgreSQL (a fresh database {@code qunbei_day}; {@code
 * -Dday.database=h2} for the embedded default), and {@code day.clients} (8) clients that each keep
 * a few filings in hand and move a random one on at every request: a new filing is created, one is
 * submitted, one is decided at its current step by whoever decides that step for its department, so
 * creating, submitting and the four steps' decisions interleave all day as they would at a school.
 * {@code day.filings} (10,000) filings of two departments and a cross-department working group, by
 * two applicants, on the four platforms (QQ and DingTalk numbers unique), one in twenty classified
 * (its confidentiality step decided by the party office), go through create, submit and four
 * approvals (40,000 decisions), every call with a personal access token. Prints the wall time,
 * requests and filings per second, each kind's p50/p95/p99/max, the errors by status, the
 * application's GC pauses, connection pool and CPU, and then checks through the API and in the
 * database that every filing is FILED with four approvals.
 *
 * <p>Run (the jar first: the day runs what is packaged): {@code ./mvnw -B -ntp package -DskipTests
 * && ./mvnw -Pbench test -Dtest=FilingDayBenchmark}. {@code -Dday.warmup=} (200) filings go through
 * first and are left out of the figures; {@code -Dday.desk=} (4) filings in each client's hands;
 * {@code -Dday.pause=} (0) a client's mean pause between calls in ms; {@code -Dday.jvm=} ({@code
 * -Xmx512m}) the application's JVM options.
 */
class FilingDayBenchmark {

  static final int FILINGS = Integer.getInteger("day.filings", 10_000);
  static final int CLIENTS = Integer.getInteger("day.clients", 8);
  static final int WARMUP = Integer.getInteger("day.warmup", 200);
  static final int DESK = Integer.getInteger("day.desk", 4);
  static final int PAUSE = Integer.getInteger("day.pause", 0);
  static final String DATABASE = System.getProperty("day.database", "postgresql");
  static final String JVM = System.getProperty("day.jvm", "-Xmx512m");
  static final double TARGET_P95_MS = 50;

  static final String PG = "jdbc:postgresql://127.0.0.1:5432/qunbei_day";
  static final Path DIR = Path.of("target/day");
  static final String H2 =
      "jdbc:h2:file:./" + DIR + "/h2/qunbei;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  static final List<String> USERS =
      List.of(
          "applicant",
          "applicant2",
          "depthead",
          "depthead2",
          "secrecy",
          "secrecy2",
          "partyoffice",
          "cyberoffice",
          "leader");
  static final List<String> KINDS =
      List.of(
          "create",
          "submit",
          "decision",
          "  DEPARTMENT",
          "  CONFIDENTIALITY",
          "  CYBERSPACE_OFFICE",
          "  LEADER");
  static final String[] TYPES = {"WECHAT", "QQ", "WECOM", "DINGTALK"};
  static final String[] PURPOSES = {"教学", "科研", "学生工作", "行政通知", "项目协作"};
  static final Pattern GC_PAUSE = Pattern.compile("Pause (\\S+).*?(\\d+\\.\\d+)ms$");

  @Test
  void aWholeSchoolsFilingDay() throws Exception {
    Path jar = Path.of(System.getProperty("qunbei.crash.jar", "target/qunbei.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "no " + jar + ": package it first, ./mvnw -B -ntp package -DskipTests");
    }
    Files.createDirectories(DIR);
    Path log = DIR.resolve("app.log");
    Path gc = DIR.resolve("gc.log");
    Files.deleteIfExists(log);
    Files.deleteIfExists(gc);
    List<String> jvm = new ArrayList<>(Arrays.asList(JVM.trim().split("\\s+")));
    jvm.add("-Xlog:gc:file=" + gc);
    var app = new AppProcess(jar, log, freshDatabase(), jvm);
    Duration started = app.start(Duration.ofSeconds(180));
    System.out.printf(
        "%n[day] %s, app %s started in %.1f s (jar of %s); %d clients, %d filings in hand each%n",
        DATABASE,
        String.join(" ", jvm.subList(0, jvm.size() - 1)),
        started.toMillis() / 1000.0,
        Files.getLastModifiedTime(jar),
        CLIENTS,
        DESK);
    List<Long> all;
    Run day;
    Sampler sampler;
    var vacuuming = new AtomicBoolean(true);
    autovacuumStandIn(vacuuming);
    try {
      Map<String, String> tokens = tokens(app.port());
      var school = new School(app.port(), tokens);
      if (WARMUP > 0) {
        Run warm = school.run(WARMUP);
        System.out.printf(
            "[day] warm-up: %d filings in %.1f s, left out of the figures; errors: %s%n",
            WARMUP, warm.nanos / 1e9, warm.errorsText());
        assertThat(warm.errors).as("errors in the warm-up").isEmpty();
      }
      sampler = new Sampler(app.port());
      Map<String, Long> pgBefore = postgresCounters();
      Cpu before = Cpu.now(app.pid());
      sampler.start();
      day = school.run(FILINGS);
      sampler.stop();
      Cpu after = Cpu.now(app.pid());
      day.print();
      sampler.print();
      after.minus(before).print(day.nanos);
      printPostgres(pgBefore, postgresCounters(), day);
      printGc(gc);
      all = school.filed();
      long t0 = System.nanoTime();
      List<String> wrong = school.verify(all);
      System.out.printf(
          "[day] API: %d of %d filings FILED with 4 approvals (read back in %.1f s)%s%n",
          all.size() - wrong.size(),
          all.size(),
          (System.nanoTime() - t0) / 1e9,
          wrong.isEmpty() ? "" : "; not: " + wrong.subList(0, Math.min(10, wrong.size())));
      assertThat(wrong).as("filings not FILED with four approvals").isEmpty();
    } finally {
      vacuuming.set(false);
      if (app.alive()) {
        app.stop();
      }
    }
    long inDatabase = checkDatabase();
    System.out.println();
    assertThat(day.errors).as("errors by kind and status").isEmpty();
    assertThat(day.done.get()).as("filings filed in the day").isEqualTo(FILINGS);
    assertThat(inDatabase).as("filings with four approvals in the database").isEqualTo(all.size());
  }

  /**
   * A server's PostgreSQL vacuums and analyzes on its own (autovacuum, on by default); this
   * machine's runs with it off. Without it a day of updates leaves every index of the filings full
   * of dead entries and the planner without statistics, and the figures would be this machine's,
   * not a school's. So the benchmark stands in: VACUUM (ANALYZE) every 15 s while the day runs.
   */
  static void autovacuumStandIn(AtomicBoolean running) throws Exception {
    if (!DATABASE.equals("postgresql")) {
      return;
    }
    try (Connection c = DriverManager.getConnection(PG, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show autovacuum")) {
      rs.next();
      if (rs.getString(1).equals("on")) {
        return;
      }
    }
    System.out.println(
        "[day] this PostgreSQL runs with autovacuum off: the benchmark runs VACUUM (ANALYZE)"
            + " every 15 s in its place");
    Thread vacuum =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(PG, "postgres", "");
                  Statement s = c.createStatement()) {
                while (running.get()) {
                  for (int i = 0; i < 15 && running.get(); i++) {
                    Thread.sleep(1000);
                  }
                  if (running.get()) {
                    s.execute("vacuum (analyze)");
                  }
                }
              } catch (Exception e) {
                System.out.printf("[day] the stand-in vacuum stopped: %s%n", e.getMessage());
              }
            },
            "day-autovacuum");
    vacuum.setDaemon(true);
    vacuum.start();
  }

  /** The application's arguments, on a database made empty for the day. */
  static List<String> freshDatabase() throws Exception {
    if (DATABASE.equals("h2")) {
      deleteTree(DIR.resolve("h2"));
      return List.of("--spring.datasource.url=" + H2);
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists qunbei_day with (force)");
      s.execute("create database qunbei_day");
    }
    return List.of(
        "--spring.datasource.url=" + PG,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * One personal access token per person, made with the demo password as a script's owner would.
   */
  static Map<String, String> tokens(int port) {
    var tokens = new LinkedHashMap<String, String>();
    for (String user : USERS) {
      var r = Api.as(port, user).post("/api/me/tokens", "{\"name\":\"filing-day\",\"days\":\"1\"}");
      assertThat(r.status()).as(user + ": " + r.text()).isEqualTo(201);
      tokens.put(user, r.json().path("token").asString());
    }
    return tokens;
  }

  /** The school: who files for which department, and who decides each step of a filing. */
  static final class School {
    final int port;
    final Map<String, String> bearer = new ConcurrentHashMap<>();
    final AtomicInteger sequence = new AtomicInteger();
    final ObjectNode template;
    final Map<Long, String> owners = new ConcurrentHashMap<>();

    School(int port, Map<String, String> tokens) throws IOException {
      this.port = port;
      tokens.forEach((user, token) -> bearer.put(user, "Bearer " + token));
      template =
          (ObjectNode)
              Api.JSON.readTree(
                  Files.readString(Path.of("src/test/resources/filing-example.json")));
    }

    List<Long> filed() {
      return owners.keySet().stream().sorted().toList();
    }

    /** The n-th filing of the day: nine in twenty of each department, two of the working group. */
    Filing next() {
      int n = sequence.incrementAndGet();
      var r = new Random(n);
      int d = n % 20;
      String dept = d < 9 ? "CS" : d < 18 ? "MATH" : "SMART";
      String applicant =
          dept.equals("CS")
              ? "applicant"
              : dept.equals("MATH") ? "applicant2" : r.nextBoolean() ? "applicant" : "applicant2";
      String type = TYPES[r.nextInt(TYPES.length)];
      ObjectNode body = template.deepCopy();
      body.put("departmentCode", dept);
      body.put("groupType", type);
      body.put(
          "groupName",
          String.format(
              "%s%s工作群 %05d",
              Map.of("CS", "计算机学院", "MATH", "数学学院", "SMART", "智慧校园").get(dept),
              PURPOSES[r.nextInt(PURPOSES.length)],
              n));
      // QQ and DingTalk show a number, unique on the platform; this day's are unique anyway.
      if (type.equals("QQ") || type.equals("DINGTALK")) {
        body.put("groupNumber", String.valueOf(60_000_000 + n));
      }
      body.put("memberCount", 5 + r.nextInt(400));
      body.put("dissolveBy", LocalDate.now().plusMonths(3 + r.nextInt(9)).toString());
      boolean classified = n % 20 == 7;
      body.put("classified", classified);
      return new Filing(n, applicant, dept, classified, body.toString());
    }

    String deciderOf(Filing f, String step) {
      return switch (step) {
        case "DEPARTMENT" -> f.dept.equals("MATH") ? "depthead2" : "depthead";
        case "CONFIDENTIALITY" ->
            f.classified ? "partyoffice" : f.n % 2 == 0 ? "secrecy" : "secrecy2";
        case "CYBERSPACE_OFFICE" -> "cyberoffice";
        case "LEADER" -> "leader";
        default -> throw new IllegalStateException("a step this day does not know: " + step);
      };
    }

    Run run(int filings) throws Exception {
      var run = new Run();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int c = 0; c < CLIENTS; c++) {
        int share = filings / CLIENTS + (c < filings % CLIENTS ? 1 : 0);
        var client = new Client(this, run, new Random(31L * c + filings), share);
        clients.add(pool.submit(client::work));
      }
      for (var c : clients) {
        c.get();
      }
      run.nanos = System.nanoTime() - t0;
      pool.shutdown();
      return run;
    }

    /** Each filing read back by its applicant: FILED, four decisions, all approvals. */
    List<String> verify(List<Long> ids) throws Exception {
      var wrong = new ConcurrentLinkedQueue<String>();
      var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> reads = new ArrayList<>();
      for (long id : ids) {
        reads.add(
            pool.submit(
                () -> {
                  var res =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base() + "/api/filings/" + id))
                              .header("Authorization", bearer.get(owners.get(id)))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  JsonNode f = res.statusCode() == 200 ? Api.JSON.readTree(res.body()) : null;
                  long approvals = 0;
                  if (f != null) {
                    for (JsonNode d : f.path("decisions")) {
                      approvals += d.path("decision").asString().equals("APPROVE") ? 1 : 0;
                    }
                  }
                  if (f == null
                      || !f.path("status").asString().equals("FILED")
                      || f.path("decisions").size() != 4
                      || approvals != 4) {
                    wrong.add(
                        id
                            + ": "
                            + res.statusCode()
                            + (f == null
                                ? ""
                                : " " + f.path("status").asString() + "/" + approvals));
                  }
                  return null;
                }));
      }
      for (var r : reads) {
        r.get();
      }
      pool.shutdown();
      return new ArrayList<>(wrong);
    }

    String base() {
      return "http://localhost:" + port;
    }
  }

  /** A filing in a client's hands: its number of the day, and where it stands. */
  static final class Filing {
    final int n;
    final String applicant;
    final String dept;
    final boolean classified;
    final String body;
    long id = -1;
    String step; // null while a draft
    int decided;

    Filing(int n, String applicant, String dept, boolean classified, String body) {
      this.n = n;
      this.applicant = applicant;
      this.dept = dept;
      this.classified = classified;
      this.body = body;
    }
  }

  /**
   * One client of the day (a browser tab's worth of people, or a department's script): keeps up to
   * {@link #DESK} filings in hand and at every call moves a random one on, or takes a new one.
   */
  static final class Client {
    final School school;
    final Run run;
    final Random random;
    final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final Map<String, long[]> latencies = new LinkedHashMap<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();
    int left;

    Client(School school, Run run, Random random, int share) {
      this.school = school;
      this.run = run;
      this.random = random;
      this.left = share;
    }

    void work() {
      List<Filing> desk = new ArrayList<>();
      while (left > 0 || !desk.isEmpty()) {
        boolean take = left > 0 && desk.size() < DESK && random.nextInt(desk.size() + 1) == 0;
        if (take) {
          left--;
          Filing f = school.next();
          if (create(f)) {
            desk.add(f);
          }
        } else {
          Filing f = desk.get(random.nextInt(desk.size()));
          if (!advance(f)) {
            desk.remove(f);
          }
        }
        pause();
      }
      run.add(latencies, counts);
    }

    boolean create(Filing f) {
      JsonNode r = call("create", f.applicant, "/api/filings", f.body);
      if (r == null) {
        return false;
      }
      f.id = r.path("id").asLong();
      school.owners.put(f.id, f.applicant);
      return true;
    }

    /** The next call on the filing; false when it is done with (filed, or refused). */
    boolean advance(Filing f) {
      if (f.step == null) {
        JsonNode r = call("submit", f.applicant, "/api/filings/" + f.id + "/submit", "");
        if (r == null) {
          return false;
        }
        f.step = r.path("currentStep").asString();
        return true;
      }
      String step = f.step;
      JsonNode r =
          call(
              "decision",
              school.deciderOf(f, step),
              "/api/filings/" + f.id + "/decisions",
              "{\"decision\":\"APPROVE\",\"opinion\":\"同意备案\"}",
              "  " + step);
      if (r == null) {
        return false;
      }
      f.decided++;
      if (r.path("status").asString().equals("FILED")) {
        if (f.decided == 4) {
          run.done.incrementAndGet();
        } else {
          run.error("decision FILED after " + f.decided, r.toString());
        }
        return false;
      }
      f.step = r.path("currentStep").asString();
      return true;
    }

    JsonNode call(String kind, String user, String path, String json, String... alsoAs) {
      var request =
          HttpRequest.newBuilder(URI.create(school.base() + path))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", school.bearer.get(user))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      long t0 = System.nanoTime();
      HttpResponse<String> res;
      try {
        res = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        run.error(kind + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      long nanos = System.nanoTime() - t0;
      record(kind, nanos);
      for (String also : alsoAs) {
        record(also, nanos);
      }
      if (res.statusCode() / 100 != 2) {
        run.error(kind + " " + res.statusCode(), res.body());
        return null;
      }
      return Api.JSON.readTree(res.body());
    }

    void record(String kind, long nanos) {
      int n = counts.getOrDefault(kind, 0);
      long[] a = latencies.computeIfAbsent(kind, k -> new long[1024]);
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
        latencies.put(kind, a);
      }
      a[n] = nanos;
      counts.put(kind, n + 1);
    }

    void pause() {
      if (PAUSE > 0) {
        try {
          Thread.sleep(random.nextInt(2 * PAUSE + 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** What one run of clients measured. */
  static final class Run {
    final Map<String, long[]> latencies = new LinkedHashMap<>();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    final AtomicInteger done = new AtomicInteger();
    long nanos;

    synchronized void add(Map<String, long[]> client, Map<String, Integer> counts) {
      client.forEach(
          (kind, a) -> {
            long[] mine = latencies.getOrDefault(kind, new long[0]);
            long[] merged = Arrays.copyOf(mine, mine.length + counts.get(kind));
            System.arraycopy(a, 0, merged, mine.length, counts.get(kind));
            latencies.put(kind, merged);
          });
    }

    void error(String what, String body) {
      errors.computeIfAbsent(what, k -> new LongAdder()).increment();
      if (firstErrors.size() < 5) {
        firstErrors.add(what + ": " + body.substring(0, Math.min(300, body.length())));
      }
    }

    String errorsText() {
      if (errors.isEmpty()) {
        return "none";
      }
      var sorted = new TreeMap<String, Long>();
      errors.forEach((k, v) -> sorted.put(k, v.sum()));
      return sorted + " first: " + firstErrors;
    }

    long requests() {
      long requests = 0;
      for (String kind : List.of("create", "submit", "decision")) {
        requests += latencies.getOrDefault(kind, new long[0]).length;
      }
      return requests;
    }

    void print() {
      double s = nanos / 1e9;
      long requests = requests();
      System.out.printf(
          "[day] %d filings, %d requests in %.1f s: %.1f requests/s, %.2f filings/s, %.1f"
              + " decisions/s%n",
          done.get(),
          requests,
          s,
          requests / s,
          done.get() / s,
          latencies.getOrDefault("decision", new long[0]).length / s);
      System.out.printf(
          "[day] %-20s %7s %8s %8s %8s %8s %8s%n",
          "ms", "count", "p50", "p95", "p99", "max", "mean");
      for (String kind : KINDS) {
        long[] a = latencies.get(kind);
        if (a == null) {
          continue;
        }
        Arrays.sort(a);
        System.out.printf(
            "[day] %-20s %7d %8.1f %8.1f %8.1f %8.1f %8.1f%n",
            kind,
            a.length,
            at(a, 0.50),
            at(a, 0.95),
            at(a, 0.99),
            a[a.length - 1] / 1e6,
            Arrays.stream(a).average().orElse(0) / 1e6);
      }
      long[] decisions = latencies.get("decision");
      if (decisions != null) {
        double p95 = at(decisions, 0.95);
        System.out.printf(
            "[day] decision p95 %.1f ms: %s the %.0f ms target%n",
            p95, p95 < TARGET_P95_MS ? "under" : "OVER", TARGET_P95_MS);
      }
      System.out.printf("[day] errors: %s%n", errorsText());
    }

    static double at(long[] sorted, double p) {
      int i = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
  }

  /**
   * The application's own gauges, read every second by the system administrator's token: the
   * connection pool (in use, requests waiting for one) and the heap.
   */
  static final class Sampler {
    final AtomicBoolean stop = new AtomicBoolean();
    final Map<String, double[]> seen = new ConcurrentHashMap<>(); // max, sum, samples
    final PageSession admin;
    Thread thread;
    boolean readable = true;

    /**
     * Signed in as the system administrator by the sign-in form: one password check, not one a
     * call.
     */
    Sampler(int port) {
      PageSession session = null;
      try {
        session = new PageSession(port, "admin", "demo123");
      } catch (RuntimeException e) {
        System.out.printf("[day] the application's metrics are not sampled: %s%n", e.getMessage());
      }
      admin = session;
      readable = session != null;
    }

    void start() {
      thread =
          new Thread(
              () -> {
                while (!stop.get() && readable) {
                  sample("hikaricp.connections.active", "");
                  sample("hikaricp.connections.pending", "");
                  sample("jvm.memory.used", "?tag=area:heap");
                  sample("process.cpu.usage", "");
                  try {
                    Thread.sleep(1000);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "day-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      stop.set(true);
      thread.join(5000);
    }

    JsonNode metric(String name, String query) {
      if (admin == null) {
        return null;
      }
      var res = admin.get("/actuator/metrics/" + name + query);
      if (res.statusCode() != 200) {
        readable = false;
        System.out.printf("[day] metrics not readable: %s %d%n", name, res.statusCode());
        return null;
      }
      return Api.JSON.readTree(res.body());
    }

    void sample(String name, String query) {
      JsonNode m = metric(name, query);
      if (m == null) {
        return;
      }
      double v = m.path("measurements").path(0).path("value").asDouble();
      seen.merge(
          name,
          new double[] {v, v, 1},
          (a, b) -> new double[] {Math.max(a[0], b[0]), a[1] + b[1], a[2] + b[2]});
    }

    void print() {
      if (seen.isEmpty()) {
        return;
      }
      double[] active = seen.getOrDefault("hikaricp.connections.active", new double[3]);
      double[] pending = seen.getOrDefault("hikaricp.connections.pending", new double[3]);
      double[] heap = seen.getOrDefault("jvm.memory.used", new double[3]);
      double[] cpu = seen.getOrDefault("process.cpu.usage", new double[3]);
      String acquire = "";
      JsonNode a = metric("hikaricp.connections.acquire", "");
      JsonNode timeouts = metric("hikaricp.connections.timeout", "");
      JsonNode max = metric("hikaricp.connections.max", "");
      if (a != null) {
        Map<String, Double> by = new TreeMap<>();
        a.path("measurements")
            .forEach(x -> by.put(x.path("statistic").asString(), x.path("value").asDouble()));
        acquire =
            String.format(
                "; waiting for a connection: mean %.2f ms over %.0f",
                by.getOrDefault("TOTAL_TIME", 0.0) * 1000 / Math.max(1, by.get("COUNT")),
                by.getOrDefault("COUNT", 0.0));
      }
      System.out.printf(
          "[day] app, sampled each second: connections in use mean %.1f max %.0f of %.0f,"
              + " requests waiting for one mean %.1f max %.0f%s, timeouts %.0f; heap used mean"
              + " %.0f max %.0f MiB; process CPU mean %.0f%% of the machine%n",
          active[1] / Math.max(1, active[2]),
          active[0],
          max == null ? Double.NaN : max.path("measurements").path(0).path("value").asDouble(),
          pending[1] / Math.max(1, pending[2]),
          pending[0],
          acquire,
          timeouts == null
              ? Double.NaN
              : timeouts.path("measurements").path(0).path("value").asDouble(),
          heap[1] / Math.max(1, heap[2]) / 1048576,
          heap[0] / 1048576,
          cpu[1] / Math.max(1, cpu[2]) * 100);
    }
  }

  /** CPU seconds so far: the application, PostgreSQL's processes, this JVM, the whole machine. */
  record Cpu(double app, double postgres, double client, double busy, double all) {
    static final double TICK = 100;

    static Cpu now(long appPid) {
      double postgres = 0;
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          try {
            if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
              postgres += ticks(p);
            }
          } catch (IOException e) {
            // gone meanwhile
          }
        }
        double app = ticks(Path.of("/proc/" + appPid)) / TICK;
        var os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double client = os.getProcessCpuTime() / 1e9;
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        double all = 0;
        for (int i = 1; i < cpu.length; i++) {
          all += Double.parseDouble(cpu[i]);
        }
        double idle = Double.parseDouble(cpu[4]) + Double.parseDouble(cpu[5]);
        return new Cpu(app, postgres / TICK, client, (all - idle) / TICK, all / TICK);
      } catch (IOException e) {
        return new Cpu(0, 0, 0, 0, 0);
      }
    }

    static double ticks(Path proc) throws IOException {
      String stat = Files.readString(proc.resolve("stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
    }

    Cpu minus(Cpu o) {
      return new Cpu(
          app - o.app, postgres - o.postgres, client - o.client, busy - o.busy, all - o.all);
    }

    void print(long nanos) {
      double wall = nanos / 1e9;
      System.out.printf(
          "[day] CPU over the %.0f s (%.0f core-seconds on %d cores): application %.0f s, PostgreSQL"
              + " %.0f s, load generator %.0f s, everything else %.0f s, idle %.0f s%n",
          wall,
          all,
          Runtime.getRuntime().availableProcessors(),
          app,
          postgres,
          client,
          Math.max(0, busy - app - postgres - client),
          all - busy);
    }
  }

  /** The application's stop-the-world pauses, from its -Xlog:gc file. */
  static void printGc(Path gc) throws IOException {
    if (!Files.exists(gc)) {
      return;
    }
    Map<String, double[]> pauses = new TreeMap<>(); // count, total, max
    for (String line : Files.readAllLines(gc)) {
      Matcher m = GC_PAUSE.matcher(line);
      if (m.find()) {
        double ms = Double.parseDouble(m.group(2));
        double[] p = pauses.computeIfAbsent(m.group(1), k -> new double[3]);
        p[0]++;
        p[1] += ms;
        p[2] = Math.max(p[2], ms);
      }
    }
    var text = new StringBuilder();
    pauses.forEach(
        (kind, p) ->
            text.append(
                String.format(
                    " %s %.0f pauses, %.0f ms in all, longest %.1f ms;", kind, p[0], p[1], p[2])));
    System.out.printf("[day] GC of the application since its start:%s%n", text);
  }

  /** PostgreSQL's own counters for the day's database (none on H2). */
  static Map<String, Long> postgresCounters() {
    var counters = new LinkedHashMap<String, Long>();
    if (DATABASE.equals("h2")) {
      return counters;
    }
    try (Connection c = DriverManager.getConnection(PG, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted,"
                    + " tup_updated, tup_deleted, blks_read, deadlocks from pg_stat_database"
                    + " where datname = 'qunbei_day'")) {
      r.next();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        counters.put(r.getMetaData().getColumnName(i), r.getLong(i));
      }
    } catch (Exception e) {
      System.out.printf("[day] PostgreSQL counters not read: %s%n", e.getMessage());
    }
    return counters;
  }

  static void printPostgres(Map<String, Long> before, Map<String, Long> after, Run day) {
    if (before.isEmpty() || after.isEmpty()) {
      return;
    }
    long requests = day.requests();
    var text = new StringBuilder();
    after.forEach(
        (k, v) ->
            text.append(
                String.format(
                    " %s %.1f,", k, (double) (v - before.get(k)) / Math.max(1, requests))));
    System.out.printf(
        "[day] PostgreSQL per request (its statistics, include the sampler's few):%s%n",
        text.substring(0, text.length() - 1));
  }

  /** After the application stopped: the database says the same as the API. */
  static long checkDatabase() throws Exception {
    try (Connection c =
            DATABASE.equals("h2")
                ? DriverManager.getConnection(H2, "sa", "")
                : DriverManager.getConnection(PG, "postgres", "");
        Statement s = c.createStatement()) {
      var statuses = new TreeMap<String, Long>();
      try (ResultSet r = s.executeQuery("select status, count(*) from filing group by status")) {
        while (r.next()) {
          statuses.put(r.getString(1), r.getLong(2));
        }
      }
      long complete =
          count(
              s,
              "select count(*) from (select filing_id from review_decision group by filing_id"
                  + " having count(*) = 4 and min(decision) = 'APPROVE'"
                  + " and max(decision) = 'APPROVE') x");
      System.out.printf(
          "[day] database (the demo's three sample filings too): filings by status %s; %d with four approvals; %d decisions, %d audit"
              + " events, %d notices%n",
          statuses,
          complete,
          count(s, "select count(*) from review_decision"),
          count(s, "select count(*) from audit_event"),
          count(s, "select count(*) from notice"));
      return complete;
    }
  }

  static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
