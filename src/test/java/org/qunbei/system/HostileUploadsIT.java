package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qunbei.support.HostileFiles.concat;
import static org.qunbei.support.HostileFiles.utf8;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qunbei.support.Api;
import org.qunbei.support.HostileFiles;
import org.qunbei.support.Samples;
import org.qunbei.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The QR, signature, stamp and spreadsheet uploads, attacked through the API and through the page
 * forms: polyglots, SVG, declared types that lie, bombs, external entities and oversize bodies are
 * each a 4xx whose Chinese message names the upload, and nothing of them is stored; what is stored
 * of an accepted image is a PNG re-encoded from its pixels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileUploadsIT {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String SECRET = "qunbei-secret-" + System.nanoTime();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @TempDir static Path dir;
  static Path secret;
  static HttpServer server;
  static final AtomicInteger requests = new AtomicInteger();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @BeforeAll
  static void start() throws Exception {
    secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static final byte[] PNG = HostileFiles.encode(HostileFiles.picture(120, 40), "png");
  static final byte[] JPEG = HostileFiles.encode(HostileFiles.picture(120, 40), "jpg");

  /** Hostile images, each with the phrase its refusal gives. */
  static List<Object[]> hostileImages() {
    return List.of(
        new Object[] {
          "PNG+ZIP", concat(PNG, HostileFiles.zip("a.class", "x")), "image/png", "结束标记之后"
        },
        new Object[] {
          "JPEG+HTML", concat(JPEG, utf8("<html>" + HostileFiles.SCRIPT)), "image/jpeg", "结束标记之后"
        },
        new Object[] {"SVG", HostileFiles.svg(), "image/png", "SVG"},
        new Object[] {"GIFAR", HostileFiles.gifar(), "image/png", "不是有效的PNG或JPEG图片"},
        new Object[] {"PNG as JPEG", PNG, "image/jpeg", "内容却是PNG图片"});
  }

  /** The file name a browser sends with a file of the declared type. */
  static String name(String base, Object[] hostile) {
    return base + ("image/jpeg".equals(hostile[2]) ? ".jpg" : ".png");
  }

  // ---------------------------------------------------------------- the group QR code

  @Test
  void hostileQrImagesAreRefusedByApiAndPageAndNothingIsStored() throws Exception {
    var applicant = Api.as(port, "applicant");
    long id =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    String api = "/api/filings/" + id + "/qr-code";
    for (Object[] h : hostileImages()) {
      var r = applicant.putBytes(api, (String) h[2], (byte[]) h[1]);
      assertThat(r.status()).as(h[0] + " " + r.text()).isEqualTo(400);
      assertThat(r.error("qrCode")).as((String) h[0]).startsWith("群二维码：").contains((String) h[3]);
    }
    var huge = applicant.putBytes(api, "image/png", new byte[12 << 20]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.error("qrCode")).startsWith("群二维码：上传的文件过大");
    assertThat(huge.json().path("detail").asString()).startsWith("群二维码：");

    var page = Browser.signIn(port, "applicant");
    String form = "/filings/" + id + "/edit";
    for (Object[] h : hostileImages()) {
      var r =
          page.upload(
              form, "/filings/" + id + "/qr-code", name("qr", h), (String) h[2], (byte[]) h[1]);
      assertThat(r.statusCode()).as((String) h[0]).isEqualTo(400);
      assertThat(r.body()).as((String) h[0]).contains("群二维码：").contains((String) h[3]);
    }
    // Over the image limit but within what the server takes: the domain's refusal, a 400.
    var threeMb =
        page.upload(form, "/filings/" + id + "/qr-code", "qr.png", "image/png", new byte[3 << 20]);
    assertThat(threeMb.statusCode()).isEqualTo(400);
    assertThat(threeMb.body()).contains("群二维码：图片不能超过2MB");
    var named =
        page.upload(
            form, "/filings/" + id + "/qr-code", "qr.svg", "image/svg+xml", Samples.qrPng("x"));
    assertThat(named.statusCode()).isEqualTo(400);
    assertThat(named.body()).contains("群二维码：文件声明为“qr.svg”");
    var tooLarge =
        page.upload(form, "/filings/" + id + "/qr-code", "qr.png", "image/png", new byte[11 << 20]);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("群二维码：上传的文件过大");

    assertThat(applicant.get(api).status()).as("nothing stored").isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from filing_qr_code where filing_id = ?", Long.class, id))
        .isZero();
  }

  @Test
  void anAcceptedQrImageIsStoredReEncodedWithoutItsMetadata() throws Exception {
    var applicant = Api.as(port, "applicant");
    long id =
        applicant.post("/api/filings", Samples.example().toString()).json().path("id").asLong();
    byte[] jpeg = HostileFiles.jpegWithMetadata(Samples.qr("https://weixin.qq.com/g/clean", "jpg"));
    var ok = applicant.putBytes("/api/filings/" + id + "/qr-code", "image/jpeg", jpeg);
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.json().path("content").asString()).isEqualTo("https://weixin.qq.com/g/clean");
    byte[] stored =
        jdbc.queryForObject(
            "select image from filing_qr_code where filing_id = ?", byte[].class, id);
    assertClean(stored);
    var served = applicant.get("/api/filings/" + id + "/qr-code");
    assertThat(served.header("Content-Type")).isEqualTo("image/png");
    assertThat(served.bytes()).isEqualTo(stored);

    var page = Browser.signIn(port, "applicant");
    var r =
        page.upload(
            "/filings/" + id + "/edit",
            "/filings/" + id + "/qr-code",
            "群码.png",
            "image/png",
            HostileFiles.pngWithMetadata(Samples.qrPng("https://weixin.qq.com/g/page")));
    assertThat(r.statusCode()).isEqualTo(302);
    assertClean(
        jdbc.queryForObject(
            "select image from filing_qr_code where filing_id = ?", byte[].class, id));
  }

  // ---------------------------------------------------------------- signatures and stamps

  @Test
  void hostileSignaturesAndStampsAreRefusedAndAcceptedOnesAreKeptClean() throws Exception {
    var depthead = Api.as(port, "depthead");
    var secadmin = Api.as(port, "secadmin");
    long before = jdbc.queryForObject("select count(*) from seal_image", Long.class);
    for (Object[] h : hostileImages()) {
      var sig = depthead.putBytes("/api/me/signature", (String) h[2], (byte[]) h[1]);
      assertThat(sig.status()).as(h[0] + sig.text()).isEqualTo(400);
      assertThat(sig.error("signature")).startsWith("签名图片：").contains((String) h[3]);
      var stamp = secadmin.putBytes("/api/stamps/CS", (String) h[2], (byte[]) h[1]);
      assertThat(stamp.status()).as((String) h[0]).isEqualTo(400);
      assertThat(stamp.error("stamp")).startsWith("印章图片：").contains((String) h[3]);
    }
    assertThat(
            depthead
                .putBytes("/api/me/signature", "image/png", new byte[12 << 20])
                .error("signature"))
        .startsWith("签名图片：上传的文件过大");
    assertThat(secadmin.putBytes("/api/stamps/CS", "image/png", new byte[12 << 20]).error("stamp"))
        .startsWith("印章图片：上传的文件过大");

    var head = Browser.signIn(port, "depthead");
    var admin = Browser.signIn(port, "secadmin");
    for (Object[] h : hostileImages()) {
      var sig =
          head.upload(
              "/account/signature",
              "/account/signature",
              name("sig", h),
              (String) h[2],
              (byte[]) h[1]);
      assertThat(sig.statusCode()).as((String) h[0]).isEqualTo(400);
      assertThat(sig.body()).contains("签名图片：").contains((String) h[3]);
      var stamp =
          admin.upload(
              "/admin/stamps", "/admin/stamps/CS", name("stamp", h), (String) h[2], (byte[]) h[1]);
      assertThat(stamp.statusCode()).as((String) h[0]).isEqualTo(400);
      assertThat(stamp.body()).contains("印章图片：").contains((String) h[3]);
    }
    var big =
        admin.upload(
            "/admin/stamps", "/admin/stamps/CS", "stamp.png", "image/png", new byte[11 << 20]);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("印章图片：上传的文件过大");
    assertThat(jdbc.queryForObject("select count(*) from seal_image", Long.class))
        .isEqualTo(before);

    var sig =
        depthead.putBytes("/api/me/signature", "image/jpeg", HostileFiles.jpegWithMetadata(JPEG));
    assertThat(sig.status()).as(sig.text()).isEqualTo(200);
    assertThat(sig.json().path("contentType").asString()).isEqualTo("image/png");
    assertClean(sealImage(sig.json().path("id").asLong()));
    var stamp =
        admin.upload(
            "/admin/stamps",
            "/admin/stamps/CS",
            "章.png",
            "image/png",
            HostileFiles.pngWithMetadata(PNG));
    assertThat(stamp.statusCode()).isEqualTo(302);
    assertClean(
        jdbc.queryForObject(
            "select image from seal_image where kind = 'STAMP' and owner = 'CS' order by id desc limit 1",
            byte[].class));
  }

  private byte[] sealImage(long id) {
    return jdbc.queryForObject("select image from seal_image where id = ?", byte[].class, id);
  }

  /** A PNG and only that: pixels, no text, EXIF or time chunk, nothing after IEND. */
  static void assertClean(byte[] stored) {
    assertThat(stored).startsWith(0x89, 'P', 'N', 'G', 13, 10, 26, 10);
    assertThat(HostileFiles.pngChunks(stored))
        .startsWith("IHDR")
        .endsWith("IEND")
        .doesNotContain("tEXt", "zTXt", "iTXt", "eXIf", "tIME", "TRAILER");
    assertThat(HostileFiles.contains(stored, "script")).isFalse();
    assertThat(HostileFiles.contains(stored, "Exif")).isFalse();
  }

  // ---------------------------------------------------------------- spreadsheets

  /** Hostile workbooks, each with the phrase its refusal gives. */
  List<Object[]> hostileWorkbooks(List<List<String>> rows) {
    byte[] good = HostileFiles.workbook(rows);
    String file = secret.toUri().toString();
    String http = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
    return List.of(
        new Object[] {
          "XXE file",
          HostileFiles.withDoctype(
              good,
              "xl/sharedStrings.xml",
              HostileFiles.externalEntity("sst", file),
              "XXE_HERE",
              "&xxe;"),
          "DOCTYPE"
        },
        new Object[] {
          "XXE http",
          HostileFiles.withDoctype(
              good,
              "xl/sharedStrings.xml",
              HostileFiles.externalEntity("sst", http),
              "XXE_HERE",
              "&xxe;"),
          "DOCTYPE"
        },
        new Object[] {
          "XXE parameter",
          HostileFiles.withDoctype(
              good,
              "[Content_Types].xml",
              HostileFiles.externalParameterEntity("Types", http),
              null,
              null),
          "DOCTYPE"
        },
        new Object[] {"zip bomb", HostileFiles.zeroBomb(good, 100), "压缩炸弹"},
        new Object[] {"parts", HostileFiles.manyEntries(good, 1000), "超过 500 个"},
        new Object[] {"appended page", concat(good, utf8("<html>" + HostileFiles.SCRIPT)), "结尾之后"},
        new Object[] {"image", PNG, "不是"});
  }

  @Test
  void hostilePaperImportsAreRefusedAtOnceAndNoJobIsMade() throws Exception {
    var cyber = Api.as(port, "cyberoffice");
    long jobs = jdbc.queryForObject("select count(*) from registry_job", Long.class);
    List<List<String>> rows = List.of(List.of("备案表编号", "群名称"), List.of("X-1", "XXE_HERE"));
    var page = Browser.signIn(port, "cyberoffice");
    for (Object[] h : hostileWorkbooks(rows)) {
      long start = System.nanoTime();
      var r = cyber.postBytes("/api/registry/imports?fileName=t.xlsx", XLSX, (byte[]) h[1]);
      assertThat(r.status()).as(h[0] + " " + r.text()).isEqualTo(400);
      assertThat(r.error("file")).as((String) h[0]).startsWith("导入的工作簿：").contains((String) h[2]);
      assertThat(r.text()).doesNotContain(SECRET);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(java.time.Duration.ofSeconds(3));
      var p = page.upload("/registry/import", "/registry/import", "纸质备案.xlsx", XLSX, (byte[]) h[1]);
      assertThat(p.statusCode()).as((String) h[0]).isEqualTo(400);
      assertThat(p.body()).contains("导入的工作簿：").contains((String) h[2]).doesNotContain(SECRET);
    }
    var named =
        page.upload(
            "/registry/import",
            "/registry/import",
            "logo.png",
            "image/png",
            HostileFiles.workbook(rows));
    assertThat(named.statusCode()).isEqualTo(400);
    assertThat(named.body()).contains("导入的工作簿：文件“logo.png”不是Excel工作簿");
    var huge = cyber.postBytes("/api/registry/imports?fileName=t.xlsx", XLSX, new byte[11 << 20]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.error("file")).startsWith("导入的工作簿：上传的文件过大");
    var hugePage =
        page.upload("/registry/import", "/registry/import", "t.xlsx", XLSX, new byte[11 << 20]);
    assertThat(hugePage.statusCode()).isEqualTo(413);
    assertThat(hugePage.body()).contains("导入的工作簿：上传的文件过大");

    assertThat(jdbc.queryForObject("select count(*) from registry_job", Long.class))
        .isEqualTo(jobs);
    assertThat(requests).as("requests the entity's server heard").hasValue(0);
  }

  @Test
  void hostileStaffFilesAreRefusedAndNothingIsKept() throws Exception {
    var admin = Api.as(port, "admin");
    long imports = jdbc.queryForObject("select count(*) from staff_import", Long.class);
    List<List<String>> rows =
        List.of(List.of("工号", "姓名", "部门代码"), List.of("T9001", "XXE_HERE", "CS"));
    var page = Browser.signIn(port, "admin");
    for (Object[] h : hostileWorkbooks(rows)) {
      var r =
          admin.send(
              admin
                  .request("/api/admin/staff-imports?fileName=staff.xlsx")
                  .header("Content-Type", XLSX)
                  .POST(HttpRequest.BodyPublishers.ofByteArray((byte[]) h[1])));
      assertThat(r.status()).as(h[0] + " " + r.text()).isEqualTo(400);
      assertThat(r.error("file")).as((String) h[0]).startsWith("教职工文件：");
      assertThat(r.text()).doesNotContain(SECRET);
      var p =
          page.upload(
              "/admin/staff-imports", "/admin/staff-imports", "staff.xlsx", XLSX, (byte[]) h[1]);
      assertThat(p.statusCode()).as((String) h[0]).isEqualTo(400);
      assertThat(p.body()).contains("教职工文件：").doesNotContain(SECRET);
    }
    var named =
        page.upload(
            "/admin/staff-imports",
            "/admin/staff-imports",
            "staff.svg",
            "image/svg+xml",
            HostileFiles.workbook(rows));
    assertThat(named.statusCode()).isEqualTo(400);
    assertThat(named.body()).contains("教职工文件：文件“staff.svg”既不是Excel工作簿");
    var huge =
        page.upload(
            "/admin/staff-imports", "/admin/staff-imports", "staff.xlsx", XLSX, new byte[11 << 20]);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("教职工文件：上传的文件过大");
    assertThat(jdbc.queryForObject("select count(*) from staff_import", Long.class))
        .isEqualTo(imports);
    assertThat(requests).hasValue(0);
  }

  // ---------------------------------------------------------------- a browser's session

  /** A signed-in browser: its session cookie, and the page's CSRF token sent in the form. */
  record Browser(HttpClient http, String base) {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static Browser signIn(int port, String username) throws Exception {
      var b =
          new Browser(
              HttpClient.newBuilder()
                  .cookieHandler(new CookieManager())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build(),
              "http://localhost:" + port);
      String token = b.csrf("/login");
      var r =
          b.http.send(
              HttpRequest.newBuilder(URI.create(b.base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=" + username + "&password=demo123&_csrf=" + token))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
      return b;
    }

    String csrf(String page) throws Exception {
      var r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + page)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      Matcher m = CSRF.matcher(r.body());
      assertThat(m.find()).as("a CSRF token on " + page).isTrue();
      return m.group(1);
    }

    /** The form on {@code page} posted to {@code action} with one file, as a browser sends it. */
    HttpResponse<String> upload(String page, String action, String name, String type, byte[] file)
        throws Exception {
      String token = csrf(page);
      String boundary = "----qunbei" + System.nanoTime();
      var body = new ByteArrayOutputStream();
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                  + token
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + name
                  + "\"\r\nContent-Type: "
                  + type
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return http.send(
          HttpRequest.newBuilder(URI.create(base + action))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
