package org.qunbei.shared.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qunbei.support.HostileFiles.concat;
import static org.qunbei.support.HostileFiles.utf8;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qunbei.support.HostileFiles;
import org.qunbei.support.Sheets;

/**
 * Hostile workbooks are refused before any row is read: external entities (never resolved — the
 * secret file's text appears nowhere, the HTTP server hears nothing), bombs, floods of entries,
 * pages appended after the archive.
 */
class SheetArchiveTest {

  static final String SECRET = "qunbei-secret-" + System.nanoTime();
  static final byte[] GOOD =
      HostileFiles.workbook(List.of(List.of("工号", "姓名"), List.of("1", "XXE_HERE")));

  static HttpServer server;
  static final AtomicInteger requests = new AtomicInteger();

  @TempDir static Path dir;
  static Path secret;

  @BeforeAll
  static void start() throws Exception {
    secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = utf8("<!ENTITY xxe \"" + SECRET + "\">");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static String http() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/dtd";
  }

  /** The reason a file is refused, or null when its rows are read; every row read is kept. */
  static String reason(byte[] file, List<String> seen) throws Exception {
    Path p = Files.write(dir.resolve("upload-" + System.nanoTime() + ".xlsx"), file);
    try {
      WorkbookRows.readAny(
          p,
          100,
          r ->
              seen.add(
                  String.join(
                      "|", java.util.Arrays.stream(r.cells()).map(String::valueOf).toList())));
      return null;
    } catch (WorkbookRows.BadWorkbook e) {
      return e.getMessage();
    }
  }

  static String reason(byte[] file) throws Exception {
    return reason(file, new ArrayList<>());
  }

  @Test
  void aGoodWorkbookIsRead() throws Exception {
    List<String> rows = new ArrayList<>();
    assertThat(reason(GOOD, rows)).isNull();
    assertThat(rows).containsExactly("工号|姓名", "1|XXE_HERE");
  }

  @Test
  void anExternalEntityInAnyXmlPartIsRefusedAndNeverResolved() throws Exception {
    String file = secret.toUri().toString();
    List<byte[]> hostile =
        List.of(
            HostileFiles.withDoctype(
                GOOD,
                "xl/sharedStrings.xml",
                HostileFiles.externalEntity("sst", file),
                "XXE_HERE",
                "&xxe;"),
            HostileFiles.withDoctype(
                GOOD,
                "xl/sharedStrings.xml",
                HostileFiles.externalEntity("sst", http()),
                "XXE_HERE",
                "&xxe;"),
            HostileFiles.withDoctype(
                GOOD,
                "xl/worksheets/sheet1.xml",
                HostileFiles.externalParameterEntity("worksheet", http()),
                null,
                null),
            HostileFiles.withDoctype(
                GOOD, "xl/workbook.xml", HostileFiles.externalEntity("workbook", file), null, null),
            HostileFiles.withDoctype(
                GOOD,
                "[Content_Types].xml",
                HostileFiles.externalParameterEntity("Types", http()),
                null,
                null),
            HostileFiles.withDoctype(
                GOOD,
                "_rels/.rels",
                HostileFiles.externalEntity("Relationships", file),
                null,
                null),
            HostileFiles.withDoctype(
                GOOD,
                "xl/styles.xml",
                HostileFiles.externalParameterEntity("styleSheet", http()),
                null,
                null),
            // Behind a comment, and behind a long one.
            HostileFiles.rewrite(
                GOOD,
                "xl/sharedStrings.xml",
                x ->
                    x.replace("?>", "?><!-- 说明 -->\n" + HostileFiles.externalEntity("sst", file))
                        .replace("XXE_HERE", "&xxe;")),
            HostileFiles.rewrite(
                GOOD,
                "xl/sharedStrings.xml",
                x ->
                    x.replace(
                            "?>",
                            "?><!--"
                                + "x".repeat(70_000)
                                + "-->"
                                + HostileFiles.externalEntity("sst", file))
                        .replace("XXE_HERE", "&xxe;")));
    for (byte[] f : hostile) {
      List<String> rows = new ArrayList<>();
      assertThat(reason(f, rows)).isEqualTo("upload.sheet.doctype");
      assertThat(rows).isEmpty();
      assertThat(HostileFiles.contains(f, SECRET)).isFalse();
    }
    assertThat(requests).as("requests the HTTP server heard").hasValue(0);
  }

  @Test
  void anXmlPartNotInUtf8IsRefused() throws Exception {
    byte[] utf16 =
        HostileFiles.rewrite(GOOD, "xl/workbook.xml", x -> x); // then re-encode that part as UTF-16
    var entries = new java.util.LinkedHashMap<String, byte[]>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(utf16))) {
      for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("xl/workbook.xml")) {
          String text =
              new String(data, java.nio.charset.StandardCharsets.UTF_8).replace("UTF-8", "UTF-16");
          data =
              concat(
                  new byte[] {(byte) 0xFE, (byte) 0xFF},
                  text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        }
        entries.put(e.getName(), data);
      }
    }
    assertThat(reason(HostileFiles.zip(entries))).isEqualTo("upload.sheet.encoding");
    assertThat(
            reason(
                HostileFiles.rewrite(
                    GOOD,
                    "xl/sharedStrings.xml",
                    x -> x.replaceFirst("(?i)encoding=\"UTF-8\"", "encoding=\"IBM037\""))))
        .isEqualTo("upload.sheet.encoding");
  }

  @Test
  void bombsAreRefusedQuickly() throws Exception {
    // 100 MB of blanks in the sheet, 200 MB of zeros in a picture, a thousand parts.
    byte[] blanks = Sheets.bomb(100);
    byte[] zeros = HostileFiles.zeroBomb(GOOD, 200);
    byte[] parts = HostileFiles.manyEntries(GOOD, 1000);
    assertThat(blanks.length + zeros.length).isLessThan(1 << 20);
    long start = System.nanoTime();
    assertThat(reason(blanks)).isEqualTo("import.bad.bomb");
    assertThat(reason(zeros)).isEqualTo("import.bad.bomb");
    assertThat(reason(parts)).isEqualTo("upload.sheet.entries");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(1));
  }

  @Test
  void aLargeButHonestSheetPasses() throws Exception {
    Path p = Files.write(dir.resolve("large.xlsx"), Sheets.manyRows(300_000));
    WorkbookRows.check(p);
  }

  @Test
  void bytesAfterTheArchiveAreRefused() throws Exception {
    assertThat(reason(concat(GOOD, utf8("<html><script>alert(1)</script></html>"))))
        .isEqualTo("upload.sheet.trailer");
    // An image with a workbook appended is an image: not a workbook.
    byte[] png = HostileFiles.encode(HostileFiles.picture(8, 8), "png");
    assertThat(reason(concat(png, GOOD))).isIn("import.bad.notSheet", "import.bad.notXlsx");
    Path p = Files.write(dir.resolve("png.xlsx"), concat(png, GOOD));
    try {
      WorkbookRows.read(p, 10, r -> {});
      throw new AssertionError("accepted");
    } catch (WorkbookRows.BadWorkbook e) {
      assertThat(e.getMessage()).isEqualTo("import.bad.notXlsx");
    }
  }

  @Test
  void theNameMustSayWorkbook() {
    WorkbookRows.checkName("导入模板.XLSX", false);
    WorkbookRows.checkName(null, false);
    WorkbookRows.checkName("staff.csv", true);
    WorkbookRows.checkName("旧表.xls", false);
    for (String name : List.of("a.png", "a.svg", "a.xlsx.html", "a.csv")) {
      try {
        WorkbookRows.checkName(name, false);
        throw new AssertionError(name + " accepted");
      } catch (WorkbookRows.BadWorkbook e) {
        assertThat(e.getMessage()).isEqualTo("upload.sheet.name");
      }
    }
  }
}
