package org.qunbei.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.qunbei.QunbeiApplication;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.internal.AccountPrincipal;
import org.qunbei.approval.ApprovalService;
import org.qunbei.approval.DecisionKind;
import org.qunbei.approval.DecisionRequest;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingContent;
import org.qunbei.filing.FilingService;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.qunbei.system.JsonBodies;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Full filing lifecycles through the service layer — create, submit, four approvals, with every
 * audit event they cause — on H2 and PostgreSQL, with 1 and 2 threads. Prints lifecycles per
 * second, the median and p95 time of one decision, and SQL statements and round trips per
 * lifecycle. Timed on the application as deployed; the statements are counted apart, untimed, on a
 * second start with a datasource proxy around the pool ({@link #COUNTED} lifecycles after a
 * warm-up): the proxy took a sixth of the workers' CPU (JFR), and the anchor's Flowable and bare
 * JDBC figures are timed without counting too. Run: {@code ./mvnw -Pbench test}.
 *
 * <p>Where the round trips go: {@code ./mvnw -Pbench test -Dtest=LifecycleBenchmark
 * -Dbench.databases=postgresql -Dbench.trace=true} lists every statement and commit of one
 * lifecycle after the warm-up, by phase, with the application method that issued it ({@link
 * SqlTrace}).
 */
class LifecycleBenchmark {

  static final int WARMUP = Integer.getInteger("bench.warmup", 300);
  static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 2000);

  /** Lifecycles whose statements are counted, on the start with the counting proxy. */
  static final int COUNTED = Integer.getInteger("bench.counted", 200);

  /**
   * With {@code -Dbench.trace=true}: after the warm-up, one lifecycle is run with every statement
   * and commit recorded by phase and caller, written to {@code bench.trace.file} (where {@code
   * {db}} stands for the database's name), and nothing is timed. Pair it with {@code
   * -Dbench.databases=postgresql}.
   */
  static final boolean TRACE = Boolean.getBoolean("bench.trace");

  static final String TRACE_FILE =
      System.getProperty("bench.trace.file", "target/chain-trace-{db}.txt");
  static final AtomicLong STATEMENTS = new AtomicLong();

  /** Statement executions (a batch is one) plus commits: what waits on the database. */
  static final AtomicLong ROUND_TRIPS = new AtomicLong();

  @Test
  void lifecycles() throws Exception {
    System.out.println();
    System.out.printf(
        "%-11s %7s %13s %12s %12s %14s %16s %16s%n",
        "database",
        "threads",
        "lifecycles/s",
        "decision p50",
        "decision p95",
        "SQL/lifecycle",
        "trips/lifecycle",
        "CPU ms JVM/all");
    for (String db : System.getProperty("bench.databases", "h2,postgresql").split(",")) {
      Result counted;
      try (var ctx = start(db, true)) {
        var bench = new Bench(ctx);
        bench.run(1, WARMUP); // JIT, pools, caches
        if (TRACE) {
          bench.trace(db);
          continue;
        }
        counted = bench.run(1, COUNTED);
      }
      try (var ctx = start(db, false)) {
        var bench = new Bench(ctx);
        bench.run(1, WARMUP);
        for (int threads : new int[] {1, 2}) {
          Result r = bench.run(threads, LIFECYCLES);
          System.out.printf(
              "%-11s %7d %13.0f %9.2f ms %9.2f ms %14.1f %16.1f %9.2f/%5.2f%n",
              db,
              threads,
              r.perSecond(),
              r.p50Millis(),
              r.p95Millis(),
              counted.statementsPerLifecycle(),
              counted.roundTripsPerLifecycle(),
              r.jvmCpuMillisPerLifecycle(),
              r.machineCpuMillisPerLifecycle());
        }
      }
    }
    System.out.println();
  }

  /** The application on {@code db}; with {@code counting}, every statement passes the proxy. */
  static ConfigurableApplicationContext start(String db, boolean counting) {
    Map<String, Object> props = new java.util.HashMap<>();
    TestDatabases.register(
        db,
        new DynamicPropertyRegistry() {
          @Override
          public void add(String name, java.util.function.Supplier<Object> value) {
            props.put(name, value.get());
          }
        });
    props.put("server.port", "0");
    props.put("logging.level.root", "warn");
    if (db.equals("h2")) {
      props.put("spring.datasource.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
    }
    // As arguments: they must win over application.yml's embedded default.
    String[] args =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    var app = new SpringApplicationBuilder(QunbeiApplication.class);
    if (counting) {
      app.initializers(c -> c.getBeanFactory().addBeanPostProcessor(new Counting()));
    }
    return app.run(args);
  }

  /** Wraps the pool so that every statement the application executes is counted. */
  static final class Counting implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (bean instanceof DataSource ds
          && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
        return ProxyDataSourceBuilder.create(ds)
            .listener(
                new QueryExecutionListener() {
                  @Override
                  public void beforeQuery(ExecutionInfo info, List<QueryInfo> queries) {
                    SqlTrace.begin();
                  }

                  @Override
                  public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
                    STATEMENTS.addAndGet(info.isBatch() ? info.getBatchSize() : queries.size());
                    ROUND_TRIPS.incrementAndGet();
                    SqlTrace.query(info, queries);
                  }
                })
            .methodListener(
                new net.ttddyy.dsproxy.listener.MethodExecutionListener() {
                  @Override
                  public void beforeMethod(
                      net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
                    SqlTrace.begin();
                  }

                  @Override
                  public void afterMethod(
                      net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
                    if (context.getMethod().getName().equals("commit")) {
                      ROUND_TRIPS.incrementAndGet();
                    }
                    SqlTrace.method(context.getMethod().getName());
                  }
                })
            .build();
      }
      return bean;
    }
  }

  /**
   * A phase's figures. The CPU times are measured as the anchor measures Flowable's and bare JDBC's
   * (this JVM's process time; the whole machine's busy time from {@code /proc/stat}, the database
   * server included), so that the chains compare by the work a lifecycle costs as well as by the
   * rate, which a shared machine's load moves more.
   */
  record Result(
      int lifecycles,
      long nanos,
      List<Long> decisionNanos,
      long statements,
      long roundTrips,
      long jvmCpuNanos,
      long machineCpuNanos) {
    double perSecond() {
      return lifecycles / (nanos / 1e9);
    }

    double p50Millis() {
      return decisionNanos.get(decisionNanos.size() / 2) / 1e6;
    }

    double p95Millis() {
      return decisionNanos.get((int) (decisionNanos.size() * 0.95)) / 1e6;
    }

    double statementsPerLifecycle() {
      return (double) statements / lifecycles;
    }

    double roundTripsPerLifecycle() {
      return (double) roundTrips / lifecycles;
    }

    double jvmCpuMillisPerLifecycle() {
      return jvmCpuNanos / 1e6 / lifecycles;
    }

    /** NaN where {@code /proc/stat} cannot be read. */
    double machineCpuMillisPerLifecycle() {
      return machineCpuNanos < 0 ? Double.NaN : machineCpuNanos / 1e6 / lifecycles;
    }
  }

  static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Busy time of every CPU of the machine (user, nice, system, irq, softirq, steal); -1 if unknown.
   */
  static long machineCpuNanos() {
    try {
      String[] f =
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
              .get(0)
              .trim()
              .split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[i]);
      }
      return busy * 10_000_000L; // USER_HZ is 100
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  static final class Bench {
    final FilingService filings;
    final ApprovalService approvals;
    final CurrentUser applicant;
    final List<CurrentUser> approvers;
    final FilingContent content;

    Bench(ConfigurableApplicationContext ctx) {
      filings = ctx.getBean(FilingService.class);
      approvals = ctx.getBean(ApprovalService.class);
      var users = ctx.getBean(UserDetailsService.class);
      applicant = ((AccountPrincipal) users.loadUserByUsername("applicant")).user();
      approvers =
          List.of("depthead", "secrecy", "cyberoffice", "leader").stream()
              .map(u -> ((AccountPrincipal) users.loadUserByUsername(u)).user())
              .toList();
      content = ctx.getBean(JsonBodies.class).read(Samples.example(), FilingContent.class);
    }

    Result run(int threads, int lifecycles) throws Exception {
      var decisions = new ConcurrentLinkedQueue<Long>();
      var pool = Executors.newFixedThreadPool(threads);
      long before = STATEMENTS.get();
      long tripsBefore = ROUND_TRIPS.get();
      long jvmBefore = jvmCpuNanos();
      long machineBefore = machineCpuNanos();
      long start = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = lifecycles / threads + (t < lifecycles % threads ? 1 : 0);
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < share; i++) {
                    lifecycle(decisions);
                  }
                  return null;
                }));
      }
      for (var w : work) {
        w.get();
      }
      long nanos = System.nanoTime() - start;
      long jvm = jvmCpuNanos() - jvmBefore;
      long machineAfter = machineCpuNanos();
      long machine = machineBefore < 0 || machineAfter < 0 ? -1 : machineAfter - machineBefore;
      pool.shutdown();
      List<Long> sorted = new ArrayList<>(decisions);
      Collections.sort(sorted);
      return new Result(
          lifecycles,
          nanos,
          sorted,
          STATEMENTS.get() - before,
          ROUND_TRIPS.get() - tripsBefore,
          jvm,
          machine);
    }

    /** One lifecycle with every statement recorded. */
    void trace(String db) throws Exception {
      Thread.sleep(1000); // let work started by the warm-up settle
      SqlTrace.start("create");
      Filing f = filings.createDraft(applicant, content);
      SqlTrace.phase("submit");
      filings.submit(applicant, f.id(), null);
      for (int i = 0; i < approvers.size(); i++) {
        SqlTrace.phase("decide " + (i + 1) + " " + approvers.get(i).username());
        approvals.decide(
            approvers.get(i), f.id(), new DecisionRequest(DecisionKind.APPROVE, null), null);
      }
      SqlTrace.phase("after");
      Thread.sleep(Long.getLong("bench.trace.linger", 2000)); // what other threads do meanwhile
      var file = java.nio.file.Path.of(TRACE_FILE.replace("{db}", db));
      String summary = SqlTrace.write(SqlTrace.stop(), file);
      System.out.println("SQL trace of one lifecycle on " + db + " -> " + file.toAbsolutePath());
      System.out.print(summary);
    }

    void lifecycle(ConcurrentLinkedQueue<Long> decisions) {
      Filing f = filings.createDraft(applicant, content);
      filings.submit(applicant, f.id(), null);
      for (CurrentUser approver : approvers) {
        long t0 = System.nanoTime();
        approvals.decide(approver, f.id(), new DecisionRequest(DecisionKind.APPROVE, null), null);
        decisions.add(System.nanoTime() - t0);
      }
    }
  }
}
