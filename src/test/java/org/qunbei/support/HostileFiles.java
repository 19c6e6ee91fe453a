package org.qunbei.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Hostile uploads built in the test itself: polyglot images, markup dressed as images, metadata to
 * be stripped, workbooks with external entities, bombs and appended pages.
 */
public final class HostileFiles {

  public static final String SCRIPT = "<script>alert('qunbei')</script>";

  private HostileFiles() {}

  /** A small picture with some colour, so that re-encoding has pixels to keep. */
  public static BufferedImage picture(int width, int height) {
    var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(200, 20, 20));
    g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
    g.dispose();
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A ZIP (a JAR, say) of one entry: what a GIFAR or a PNG+ZIP polyglot carries. */
  public static byte[] zip(String name, String content) {
    return zip(Map.of(name, utf8(content)));
  }

  public static byte[] zip(Map<String, byte[]> entries) {
    try (var bytes = new ByteArrayOutputStream();
        var zip = new ZipOutputStream(bytes)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GIF header and a JAR behind it: the classic GIFAR. */
  public static byte[] gifar() {
    return concat(
        utf8("GIF89a"),
        new byte[] {1, 0, 1, 0, 0, 0, 0, 0x3b},
        zip("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
  }

  public static byte[] svg() {
    return utf8(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
            + " height=\"10\" onload=\"alert(1)\">"
            + SCRIPT
            + "</svg>");
  }

  /**
   * A PNG with text, EXIF and time chunks carrying a script (placed before IEND, so that the image
   * itself is well formed): what re-encoding must drop.
   */
  public static byte[] pngWithMetadata(byte[] png) {
    int iend = png.length - 12;
    return concat(
        java.util.Arrays.copyOf(png, 8 + 25), // signature and IHDR
        chunk("tEXt", utf8("Comment\0" + SCRIPT)),
        chunk("iTXt", utf8("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + SCRIPT + "</x:xmpmeta>")),
        chunk("eXIf", concat(utf8("MM\0*\0\0\0\b"), utf8(SCRIPT))),
        chunk("tIME", new byte[] {0x07, (byte) 0xea, 12, 5, 22, 0, 0}),
        java.util.Arrays.copyOfRange(png, 8 + 25, iend),
        java.util.Arrays.copyOfRange(png, iend, png.length));
  }

  /** A JPEG with an EXIF segment and a comment carrying a script, after its JFIF header. */
  public static byte[] jpegWithMetadata(byte[] jpeg) {
    byte[] exif = concat(utf8("Exif\0\0MM\0*\0\0\0\b"), utf8(SCRIPT));
    byte[] comment = utf8(SCRIPT);
    int app0 = ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff)) + 4; // SOI, then JFIF's APP0
    return concat(
        java.util.Arrays.copyOf(jpeg, app0),
        segment(0xE1, exif),
        segment(0xFE, comment),
        java.util.Arrays.copyOfRange(jpeg, app0, jpeg.length));
  }

  public static byte[] chunk(String type, byte[] data) {
    var b = ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    b.put(t).put(data);
    var crc = new CRC32();
    crc.update(t);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  private static byte[] segment(int marker, byte[] data) {
    int length = data.length + 2;
    return concat(
        new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, data);
  }

  /** The chunk types of a PNG, in order, and whether anything follows IEND. */
  public static List<String> pngChunks(byte[] png) {
    List<String> types = new ArrayList<>();
    int i = 8;
    while (i + 8 <= png.length) {
      int length = ByteBuffer.wrap(png, i, 4).getInt();
      String type = new String(png, i + 4, 4, StandardCharsets.US_ASCII);
      types.add(type);
      i += 12 + length;
      if (type.equals("IEND")) {
        if (i != png.length) {
          types.add("TRAILER");
        }
        break;
      }
    }
    return types;
  }

  public static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1)
        .contains(new String(utf8(needle), StandardCharsets.ISO_8859_1));
  }

  /** A real workbook (POI writes it as Excel does) with these rows, shared strings included. */
  public static byte[] workbook(List<List<String>> rows) {
    try (var wb = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Sheet1");
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The workbook with each entry's text rewritten (entries not matched kept byte for byte). */
  public static byte[] rewrite(byte[] xlsx, String entry, UnaryOperator<String> change) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(entry)) {
          data = utf8(change.apply(new String(data, StandardCharsets.UTF_8)));
        }
        entries.put(e.getName(), data);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip(entries);
  }

  /**
   * The workbook with a document type declared in one XML part, right after its XML declaration (or
   * at its start), and {@code marker} in that part replaced by {@code reference}.
   */
  public static byte[] withDoctype(
      byte[] xlsx, String entry, String doctype, String marker, String reference) {
    return rewrite(
        xlsx,
        entry,
        xml -> {
          String body = marker == null ? xml : xml.replace(marker, reference);
          int decl = body.startsWith("<?xml") ? body.indexOf("?>") + 2 : 0;
          return body.substring(0, decl) + doctype + body.substring(decl);
        });
  }

  /** An external general entity {@code &xxe;} read from {@code uri}. */
  public static String externalEntity(String root, String uri) {
    return "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + uri + "\">]>";
  }

  /** An external parameter entity, fetched while the DTD itself is read. */
  public static String externalParameterEntity(String root, String uri) {
    return "<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>";
  }

  /** A ZIP of many tiny entries: thousands of parts no workbook has. */
  public static byte[] manyEntries(byte[] xlsx, int extra) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < extra; i++) {
      entries.put("xl/media/x" + i + ".bin", new byte[] {1});
    }
    return zip(entries);
  }

  /** One entry of zeros, inflating some 1000 times: a bomb under any size limit's radar. */
  public static byte[] zeroBomb(byte[] xlsx, int megabytes) {
    try (var bytes = new ByteArrayOutputStream();
        var zip = new ZipOutputStream(bytes);
        var in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(in.readAllBytes());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("xl/media/zeros.bin"));
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        zip.write(block);
      }
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
