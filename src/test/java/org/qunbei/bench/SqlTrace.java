package org.qunbei.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;

/**
 * Records, while switched on, every statement and commit that the datasource proxy sees, with the
 * phase of the lifecycle it belongs to and the application method that caused it. Used by {@link
 * LifecycleBenchmark} under {@code -Dbench.trace=true} to list where the database round trips of
 * one lifecycle go (work that other threads do meanwhile is listed apart).
 */
final class SqlTrace {

  record Entry(
      String phase,
      String thread,
      boolean own,
      String kind,
      String sql,
      int batch,
      String params,
      String caller,
      String via,
      long micros) {}

  private static volatile boolean active;
  private static volatile Thread owner;
  private static volatile String phase = "-";
  private static final List<Entry> ENTRIES = new ArrayList<>();
  private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

  private SqlTrace() {}

  static void start(String firstPhase) {
    synchronized (ENTRIES) {
      ENTRIES.clear();
    }
    owner = Thread.currentThread();
    phase = firstPhase;
    active = true;
  }

  static void phase(String name) {
    phase = name;
  }

  static List<Entry> stop() {
    active = false;
    synchronized (ENTRIES) {
      return List.copyOf(ENTRIES);
    }
  }

  /** Before a statement or a connection method: its time is measured from here. */
  static void begin() {
    if (active) {
      STARTED.set(System.nanoTime());
    }
  }

  private static long micros() {
    Long t0 = STARTED.get();
    STARTED.remove();
    return t0 == null ? -1 : (System.nanoTime() - t0) / 1000;
  }

  static void query(ExecutionInfo info, List<QueryInfo> queries) {
    if (!active) {
      return;
    }
    String sql = queries.stream().map(QueryInfo::getQuery).collect(Collectors.joining(" ;; "));
    String params =
        queries.stream()
            .flatMap(q -> q.getParametersList().stream())
            .map(
                list ->
                    list.stream()
                        .sorted(java.util.Comparator.comparingInt(SqlTrace::index))
                        .map(SqlTrace::value)
                        .collect(Collectors.joining(", ", "(", ")")))
            .collect(Collectors.joining(" "));
    record(
        info.isBatch() ? "BATCH" : "SQL",
        sql,
        info.isBatch() ? info.getBatchSize() : queries.size(),
        shorten(params, 300),
        micros());
  }

  static void method(String name) {
    if (active && (name.equals("commit") || name.equals("rollback"))) {
      record(name.toUpperCase(), name, 0, "", micros());
    }
  }

  private static void record(String kind, String sql, int batch, String params, long micros) {
    Thread t = Thread.currentThread();
    List<String> frames = callers();
    String caller = frames.isEmpty() ? "(none under org.qunbei)" : frames.get(0);
    String via = frames.stream().skip(1).limit(3).collect(Collectors.joining(" < "));
    var e =
        new Entry(phase, t.getName(), t == owner, kind, sql, batch, params, caller, via, micros);
    synchronized (ENTRIES) {
      ENTRIES.add(e);
    }
  }

  /**
   * Application frames, innermost first, leaving out the benchmark, the test support and the proxy
   * library. A Spring proxy class (a commit happens in its interceptor) is named by the class it
   * stands for, marked as the transaction boundary.
   */
  private static List<String> callers() {
    return StackWalker.getInstance()
        .walk(
            s ->
                s.filter(
                        f -> {
                          String c = f.getClassName();
                          return c.startsWith("org.qunbei.")
                              && !c.startsWith("org.qunbei.bench.")
                              && !c.startsWith("org.qunbei.support.");
                        })
                    .map(
                        f -> {
                          String c = f.getClassName().substring("org.qunbei.".length());
                          int proxy = c.indexOf("$$");
                          if (proxy >= 0) {
                            return c.substring(0, proxy)
                                + "."
                                + f.getMethodName()
                                + " [tx boundary]";
                          }
                          return c + "." + f.getMethodName() + ":" + f.getLineNumber();
                        })
                    .distinct()
                    .limit(6)
                    .toList());
  }

  private static int index(net.ttddyy.dsproxy.proxy.ParameterSetOperation p) {
    Object[] args = p.getArgs();
    return args != null && args.length > 0 && args[0] instanceof Integer i ? i : 0;
  }

  /** A bound parameter as set: its value, or null for setNull (whose second argument is a type). */
  private static String value(net.ttddyy.dsproxy.proxy.ParameterSetOperation p) {
    Object[] args = p.getArgs();
    if (p.getMethod().getName().equals("setNull") || args == null || args.length < 2) {
      return "null";
    }
    return shorten(String.valueOf(args[1]), 40);
  }

  private static String shorten(String s, int max) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max) + "…";
  }

  /**
   * Writes the trace grouped by phase, own thread first, and returns a one-line-per-phase summary.
   */
  static String write(List<Entry> entries, Path file) throws IOException {
    var out = new StringBuilder();
    var summary = new StringBuilder();
    Map<String, List<Entry>> byPhase = new LinkedHashMap<>();
    for (Entry e : entries) {
      byPhase.computeIfAbsent(e.own() ? e.phase() : "other threads", k -> new ArrayList<>()).add(e);
    }
    int totalStatements = 0;
    int totalTrips = 0;
    out.append(
            "One filing lifecycle on the service layer, after warm-up: every statement and commit\n")
        .append(
            "the datasource proxy saw. trips = statement executions (a batch is one) + commits.\n")
        .append("caller = first application frame; via = the next application frames outward.\n\n");
    for (var p : byPhase.entrySet()) {
      int statements = 0;
      int trips = 0;
      int commits = 0;
      Map<String, Integer> verbs = new LinkedHashMap<>();
      var body = new StringBuilder();
      int n = 0;
      for (Entry e : p.getValue()) {
        n++;
        trips++;
        if (e.kind().equals("COMMIT") || e.kind().equals("ROLLBACK")) {
          commits++;
          body.append(String.format("%3d  %-8s %6dµs  %s%n", n, e.kind(), e.micros(), e.caller()));
        } else {
          statements += e.batch();
          String verb = e.sql().trim().split("\\s+", 2)[0].toUpperCase();
          verbs.merge(verb, e.batch(), Integer::sum);
          body.append(
              String.format(
                  "%3d  %-8s %6dµs  %s%n       caller: %s%n",
                  n,
                  e.kind() + (e.batch() > 1 ? "x" + e.batch() : ""),
                  e.micros(),
                  e.sql().replaceAll("\\s+", " "),
                  e.caller()));
          if (!e.via().isEmpty()) {
            body.append("       via:    ").append(e.via()).append('\n');
          }
          if (!e.params().isEmpty()) {
            body.append("       params: ").append(e.params()).append('\n');
          }
        }
        if (!e.own()) {
          body.append("       thread: ").append(e.thread()).append('\n');
        }
      }
      String line =
          String.format(
              "%-14s statements %3d  commits %2d  round trips %3d  %s",
              p.getKey(), statements, commits, trips, verbs);
      summary.append(line).append('\n');
      out.append("==== ").append(line).append('\n').append(body).append('\n');
      if (!p.getKey().equals("other threads")) {
        totalStatements += statements;
        totalTrips += trips;
      }
    }
    String total =
        String.format(
            "%-14s statements %3d              round trips %3d  (benchmark thread only)",
            "lifecycle", totalStatements, totalTrips);
    summary.append(total).append('\n');
    Files.writeString(file, "SUMMARY\n" + summary + "\n" + out);
    return summary.toString();
  }
}
