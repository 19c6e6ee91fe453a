package org.qunbei.shared.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The .xlsx as a ZIP, checked before POI opens it: every entry inflated and counted (a zip bomb is
 * an entry that inflates far beyond its compressed size, past a size no sheet has, or a flood of
 * entries), nothing appended after the archive's end, and no XML part with a document type
 * declaration — the only way an external entity ({@code file:}, {@code http:}) gets into XML, and
 * Excel never writes one — nor in an encoding other than UTF-8, in which such a declaration could
 * hide from this check. So a hostile workbook is refused whole, quickly, and no parser ever sees an
 * entity to resolve.
 */
final class SheetArchive {

  /** A workbook Excel or WPS writes has a dozen or two entries. */
  static final int MAX_ENTRIES = 500;

  /**
   * All entries together, inflated; each alone stays under {@link WorkbookRows#MAX_ENTRY_BYTES}.
   */
  static final long MAX_TOTAL_BYTES = 100L << 20;

  /** POI's own ratio: an entry inflating over 100 times its compressed size is a bomb. */
  static final double MIN_RATIO = 0.01;

  /** Small entries compress as they like (an empty sheet's XML inflates 20 times and more). */
  static final long RATIO_GRACE = 100 * 1024;

  /** What may come before an XML part's root element: a declaration and a comment or two. */
  static final int MAX_PROLOG = 64 * 1024;

  private static final Pattern ENCODING =
      Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

  private SheetArchive() {}

  static void check(Path file) {
    checkEnd(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw new WorkbookRows.BadWorkbook("upload.sheet.entries", MAX_ENTRIES);
      }
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory()) {
          total = inflate(zip, entry, total);
        }
      }
    } catch (WorkbookRows.BadWorkbook e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new WorkbookRows.BadWorkbook("import.bad.corrupt");
    }
  }

  /** Inflates one entry to its end, counting; its first bytes are read as an XML prolog. */
  private static long inflate(ZipFile zip, ZipEntry entry, long total) throws IOException {
    long compressed = Math.max(entry.getCompressedSize(), 1);
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] head = in.readNBytes(MAX_PROLOG);
      long size = head.length;
      total = count(size, total + head.length, compressed);
      prolog(head);
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        size += n;
        total = count(size, total + n, compressed);
      }
    }
    return total;
  }

  private static long count(long size, long total, long compressed) {
    if (size > WorkbookRows.MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
      throw new WorkbookRows.BadWorkbook("import.bad.bomb");
    }
    if (size > RATIO_GRACE && (double) compressed / size < MIN_RATIO) {
      throw new WorkbookRows.BadWorkbook("import.bad.bomb");
    }
    return total;
  }

  /**
   * Refuses a document type declaration (and so any entity) in what reads as XML, and XML that is
   * not UTF-8. An entry that does not start with {@code <} is not XML (a picture, a printer's
   * settings) and no parser of ours reads it as such.
   */
  static void prolog(byte[] b) {
    if (starts(b, 0, "\u00fe\u00ff")
        || starts(b, 0, "\u00ff\u00fe")
        || starts(b, 0, "\u0000<")
        || starts(b, 0, "<\u0000")
        || starts(b, 0, "\u0000\u0000\u00fe\u00ff")
        || starts(b, 0, "\u0000\u0000\u0000<")
        || starts(b, 0, "\u004c\u006f\u00a7\u0094")) {
      // UTF-16, UTF-32 or EBCDIC text: a declaration in it would not read as ASCII here.
      throw new WorkbookRows.BadWorkbook("upload.sheet.encoding");
    }
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    }
    i = blank(b, i);
    if (i >= b.length || b[i] != '<') {
      return;
    }
    while (true) {
      i = blank(b, i);
      if (i >= b.length) {
        tooLong(b);
        return;
      }
      if (starts(b, i, "<?")) {
        int close = find(b, i, "?>");
        if (close < 0) {
          tooLong(b);
          return;
        }
        if (starts(b, i, "<?xml")) {
          declaration(new String(b, i, close - i, StandardCharsets.ISO_8859_1));
        }
        i = close + 2;
      } else if (starts(b, i, "<!--")) {
        int close = find(b, i + 4, "-->");
        if (close < 0) {
          tooLong(b);
          return;
        }
        i = close + 3;
      } else if (starts(b, i, "<!")) {
        throw new WorkbookRows.BadWorkbook("upload.sheet.doctype");
      } else {
        return; // the root element: no declaration can come after it
      }
    }
  }

  private static void declaration(String decl) {
    var m = ENCODING.matcher(decl);
    if (m.find()) {
      String enc = m.group(1).strip().toUpperCase(Locale.ROOT);
      if (!enc.equals("UTF-8") && !enc.equals("UTF8")) {
        throw new WorkbookRows.BadWorkbook("upload.sheet.encoding");
      }
    }
  }

  /** A prolog that fills the whole look-ahead is no Excel file's; one that ends early is broken. */
  private static void tooLong(byte[] b) {
    if (b.length >= MAX_PROLOG) {
      throw new WorkbookRows.BadWorkbook("upload.sheet.doctype");
    }
  }

  /**
   * The archive ends where its end-of-central-directory record says: a file with bytes after it (a
   * page or script appended, or a comment holding one) is refused. Excel, WPS and LibreOffice write
   * no comment.
   */
  private static void checkEnd(Path file) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int window = (int) Math.min(length, 22 + 0xFFFF);
      byte[] tail = new byte[window];
      raf.seek(length - window);
      raf.readFully(tail);
      for (int i = window - 22; i >= 0; i--) {
        if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
          if (i != window - 22) {
            throw new WorkbookRows.BadWorkbook("upload.sheet.trailer", window - 22 - i);
          }
          return;
        }
      }
      throw new WorkbookRows.BadWorkbook("import.bad.corrupt");
    } catch (IOException e) {
      throw new WorkbookRows.BadWorkbook("import.bad.unreadable");
    }
  }

  private static int blank(byte[] b, int i) {
    while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static boolean starts(byte[] b, int i, String s) {
    if (i + s.length() > b.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if ((b[i + k] & 0xff) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int find(byte[] b, int from, String s) {
    for (int i = from; i + s.length() <= b.length; i++) {
      if (starts(b, i, s)) {
        return i;
      }
    }
    return -1;
  }
}
