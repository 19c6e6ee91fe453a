package org.qunbei.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.internal.AccountPrincipal;
import org.qunbei.documents.FilingPdf;
import org.qunbei.registry.RegistryQuery;
import org.qunbei.registry.export.RegistryExport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The printed form and the registry export on PostgreSQL, in a JVM whose heap is capped as the
 * product's (the bench profile runs with {@code -Xmx256m}): the median time to render one filed
 * filing's PDF once warm (warmed with as many renders as are measured, 300: the JIT needs some
 * hundreds to compile the layout), and the time and heap to export {@code bench.rows} (100,000)
 * filings to Excel. Run: {@code ./mvnw -Pbench test -Dtest=DocumentBenchmark}.
 */
class DocumentBenchmark {

  static final int ROWS = Integer.getInteger("bench.rows", 100_000);
  static final int PDFS = Integer.getInteger("bench.pdfs", 300);

  @Test
  void documents() throws Exception {
    String db = System.getProperty("bench.databases", "postgresql").split(",")[0];
    try (ConfigurableApplicationContext ctx = LifecycleBenchmark.start(db, false)) {
      var bench = new LifecycleBenchmark.Bench(ctx);
      System.out.printf("%nheap in use after start: %.0f MiB%n", liveHeap() / 1048576.0);
      bench.run(1, 1); // one filing through the whole chain: FILED, four opinions
      long filed =
          ctx.getBean(JdbcTemplate.class).queryForObject("select max(id) from filing", Long.class);
      CurrentUser cyber = user(ctx, "cyberoffice");
      if (PDFS > 0) { // -Dbench.pdfs=0: the export alone, e.g. under a smaller heap
        printing(ctx.getBean(FilingPdf.class), cyber, filed, db);
        System.out.printf("heap in use after printing: %.0f MiB%n", liveHeap() / 1048576.0);
      }
      seed(ctx.getBean(JdbcTemplate.class), filed, ROWS);
      RegistryExport export = ctx.getBean(RegistryExport.class);
      RegistryQuery all = RegistryQuery.parse(Map.of());
      List<Long> times = new ArrayList<>();
      for (int run = 0; run < 3; run++) {
        System.gc();
        resetPeaks();
        var out = new Counting();
        long t0 = System.nanoTime();
        long written = export.write(cyber, all, out, n -> {});
        long t = System.nanoTime() - t0;
        times.add(t);
        System.out.printf(
            "Excel export run %d: %d filings, %.2f s, %.1f MiB file, peak heap used %.0f MiB"
                + " (old generation %.0f MiB; heap cap %d MiB)%n",
            run + 1,
            written,
            t / 1e9,
            out.count / 1048576.0,
            peakHeap() / 1048576.0,
            peakOld() / 1048576.0,
            Runtime.getRuntime().maxMemory() / 1048576);
      }
      Collections.sort(times);
      System.out.printf("Excel export median: %.2f s%n", times.get(1) / 1e9);
      System.out.printf("heap in use after the exports: %.0f MiB%n%n", liveHeap() / 1048576.0);
    }
  }

  static void printing(FilingPdf pdf, CurrentUser cyber, long filed, String db) {
    for (int i = 0; i < PDFS; i++) { // warm: the JIT compiles the renderer's hot paths
      pdf.render(cyber, filed, "http://localhost");
    }
    List<Long> nanos = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < PDFS; i++) {
      long t0 = System.nanoTime();
      bytes = pdf.render(cyber, filed, "http://localhost").length;
      nanos.add(System.nanoTime() - t0);
    }
    Collections.sort(nanos);
    System.out.printf(
        "%nPDF of one filed filing (%s, warm, %d renders): median %.1f ms, p90 %.1f ms, %d KiB%n",
        db, PDFS, nanos.get(PDFS / 2) / 1e6, nanos.get(PDFS * 9 / 10) / 1e6, bytes / 1024);
  }

  static CurrentUser user(ConfigurableApplicationContext ctx, String name) {
    var users = ctx.getBean(UserDetailsService.class);
    return ((AccountPrincipal) users.loadUserByUsername(name)).user();
  }

  /** Copies the filed filing, its team and decisions {@code rows} times (PostgreSQL). */
  static void seed(JdbcTemplate jdbc, long template, int rows) {
    long t0 = System.nanoTime();
    String columns =
        jdbc
            .queryForList(
                "select column_name from information_schema.columns where table_name = 'filing'"
                    + " and column_name not in ('id', 'number', 'group_name') order by ordinal_position",
                String.class)
            .stream()
            .reduce((a, b) -> a + ", " + b)
            .orElseThrow();
    jdbc.update(
        "insert into filing (number, group_name, "
            + columns
            + ") select 'B-' || g, '批量工作群 ' || g, "
            + columns
            + " from filing, generate_series(1, ?) g where filing.id = ?",
        rows,
        template);
    jdbc.update(
        "insert into filing_team_member (filing_id, position, role, name, title, office_phone,"
            + " mobile, duties) select f.id, t.position, t.role, t.name, t.title, t.office_phone,"
            + " t.mobile, t.duties from filing f, filing_team_member t"
            + " where f.number like 'B-%' and t.filing_id = ?",
        template);
    // Their four decisions too: the export looks them up and prints each step's.
    jdbc.update(
        "insert into review_decision (filing_id, review_round, step, decision, opinion,"
            + " decided_by, decided_by_name, decided_at) select f.id, d.review_round, d.step,"
            + " d.decision, d.opinion, d.decided_by, d.decided_by_name, d.decided_at"
            + " from filing f, review_decision d where f.number like 'B-%' and d.filing_id = ?",
        template);
    jdbc.execute("analyze");
    System.out.printf("seeded %d filings in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
  }

  /** Heap in use after a full collection: what the application keeps. */
  static long liveHeap() {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  /**
   * The old generation's peak: what survived young collections. Young space fills to whatever the
   * cap allows before a collection, so the sum above says little about what an export keeps; an
   * export that held its rows would show them here.
   */
  static long peakOld() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old"))
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
