package org.qunbei.registry.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One worksheet written as an .xlsx straight to an output stream, row by row: nothing but the
 * current row is held, there is no temporary file, and the first bytes leave while the database is
 * still sending rows. (A general spreadsheet library keeps a window of row objects and a temporary
 * file, and looked up every column's style per row — three times slower for the registry.)
 *
 * <p>Text is written as inline strings, so nothing in a cell is ever a formula. Text that starts
 * like one ({@code = + - @}) also gets Excel's quote-prefix flag: it shows as typed, and Excel (WPS
 * and LibreOffice too) keeps it text even when the cell is edited, so an exported value never runs.
 */
public final class RegistrySheet {

  private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** Cell formats in styles.xml, by position. */
  private static final int BOLD = 1;

  private static final int DATE = 2;
  private static final int DATE_TIME = 3;
  private static final int LITERAL = 4;

  /** Days from Excel's day 0 (1899-12-30, in the 1900 date system) to 1970-01-01. */
  private static final long EPOCH_OFFSET = 25569;

  /** The markup of every cell, encoded once (a large export writes it ten million times). */
  private static final byte[] CELL = ascii("<c r=\""),
      INLINE = ascii(" t=\"inlineStr\"><is><t xml:space=\"preserve\">"),
      INLINE_END = ascii("</t></is></c>"),
      VALUE = ascii("><v>"),
      VALUE_END = ascii("</v></c>"),
      ROW = ascii("<row r=\""),
      ROW_START_END = ascii("\">"),
      ROW_END = ascii("</row>"),
      QUOTE = ascii("\"");

  /** {@code s="n"} for each cell format, by position. */
  private static final byte[][] STYLES = {
    new byte[0], ascii(" s=\"1\""), ascii(" s=\"2\""), ascii(" s=\"3\""), ascii(" s=\"4\"")
  };

  private final ZipOutputStream zip;
  private final Utf8Out xml;

  /** Each column's letters (A, B, … CM), encoded. */
  private final byte[][] letters;

  private int next = 1;

  /** The row whose element is open, 0 when none (rows close when the next one starts). */
  private int open;

  RegistrySheet(OutputStream out, String name, List<String> headers, int[] widths) {
    zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_SPEED);
    xml = new Utf8Out(zip);
    letters = new byte[headers.size()][];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = ascii(columnName(i));
    }
    try {
      preamble(name);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      xml.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"");
      xml.write(NS);
      xml.write(
          "\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\"");
      xml.write(" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><cols>");
      for (int i = 0; i < widths.length; i++) {
        xml.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + widths[i]);
        xml.write("\" customWidth=\"1\"/>");
      }
      xml.write("</cols><sheetData>");
      Line head = line();
      headers.forEach(h -> head.cell(h, BOLD));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a row; the writer fills its cells left to right. */
  Line line() {
    return new Line(next++);
  }

  /** Ends the sheet and the file; the output stream stays open. */
  void finish() throws IOException {
    endRow();
    xml.write("</sheetData></worksheet>");
    xml.flush();
    zip.closeEntry();
    zip.finish();
    zip.flush();
  }

  private void endRow() throws IOException {
    if (open > 0) {
      xml.write(ROW_END);
      open = 0;
    }
  }

  /** The cells of one row, in column order. */
  final class Line {
    /** The row's number as its cells' references end. */
    private final byte[] row;

    private int column;

    private Line(int row) {
      this.row = ascii(Integer.toString(row));
      try {
        endRow();
        xml.write(ROW);
        xml.write(this.row);
        xml.write(ROW_START_END);
        open = row;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Line text(String value) {
      if (value == null || value.isEmpty()) {
        column++;
        return this;
      }
      return cell(value, startsLikeFormula(value) ? LITERAL : 0);
    }

    Line number(Integer value) {
      return value == null ? skip() : raw(Integer.toString(value), 0);
    }

    Line date(LocalDate value) {
      return value == null ? skip() : raw(Long.toString(value.toEpochDay() + EPOCH_OFFSET), DATE);
    }

    Line dateTime(LocalDateTime value) {
      if (value == null) {
        return skip();
      }
      double serial =
          value.toLocalDate().toEpochDay()
              + EPOCH_OFFSET
              + value.toLocalTime().toSecondOfDay() / 86400.0;
      return raw(Double.toString(serial), DATE_TIME);
    }

    private Line skip() {
      column++;
      return this;
    }

    private Line cell(String text, int style) {
      try {
        start(style);
        xml.write(INLINE);
        escape(text);
        xml.write(INLINE_END);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      column++;
      return this;
    }

    private Line raw(String value, int style) {
      try {
        start(style);
        xml.write(VALUE);
        xml.write(value);
        xml.write(VALUE_END);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      column++;
      return this;
    }

    private void start(int style) throws IOException {
      xml.write(CELL);
      xml.write(letters[column]);
      xml.write(row);
      xml.write(QUOTE);
      xml.write(STYLES[style]);
    }
  }

  /**
   * XML text; characters XML 1.0 cannot carry (most control characters) are dropped. Runs of
   * ordinary characters are copied in one piece: cell text is most of a large export's time.
   */
  private void escape(String s) throws IOException {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String entity =
          switch (ch) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            default -> null;
          };
      boolean dropped =
          entity == null
              && ch != '\t'
              && ch != '\n'
              && ch != '\r'
              && (ch < 0x20 || ch == 0xFFFE || ch == 0xFFFF);
      if (entity != null || dropped) {
        xml.write(s, run, i);
        if (entity != null) {
          xml.write(entity);
        }
        run = i + 1;
      }
    }
    xml.write(s, run, s.length());
  }

  /**
   * A writer without locks, string builders or a charset encoder: text is encoded character by
   * character straight into one byte buffer that is reused, and markup, encoded once, is copied
   * into it. (Gathering text in a StringBuilder and encoding it when full copied each character
   * three times and, once a Chinese character had widened the builder, widened every ASCII one
   * after it: a third of a large export's time. Encoding each text with {@code getBytes} made an
   * array per cell: a quarter of what the writing thread allocated.) Half a surrogate pair, which
   * UTF-8 cannot carry, arrives as "?".
   */
  private static final class Utf8Out {
    private static final int SIZE = 1 << 16;
    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int at;

    Utf8Out(OutputStream out) {
      this.out = out;
    }

    void write(String text) throws IOException {
      write(text, 0, text.length());
    }

    /** The characters' UTF-8, encoded straight into the buffer: no array per text. */
    void write(String text, int from, int to) throws IOException {
      for (int i = from; i < to; i++) {
        if (SIZE - at < 4) {
          spill();
        }
        char c = text.charAt(i);
        if (c < 0x80) {
          buf[at++] = (byte) c;
        } else if (c < 0x800) {
          buf[at++] = (byte) (0xC0 | c >> 6);
          buf[at++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
          buf[at++] = (byte) (0xE0 | c >> 12);
          buf[at++] = (byte) (0x80 | c >> 6 & 0x3F);
          buf[at++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)
            && i + 1 < to
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, text.charAt(++i));
          buf[at++] = (byte) (0xF0 | cp >> 18);
          buf[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
          buf[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
          buf[at++] = (byte) (0x80 | cp & 0x3F);
        } else {
          buf[at++] = '?'; // half a pair: UTF-8 cannot carry it
        }
      }
    }

    void write(byte[] bytes) throws IOException {
      if (bytes.length > SIZE - at) {
        spill();
        if (bytes.length > SIZE) {
          out.write(bytes);
          return;
        }
      }
      System.arraycopy(bytes, 0, buf, at, bytes.length);
      at += bytes.length;
    }

    void flush() throws IOException {
      spill();
      out.flush();
    }

    private void spill() throws IOException {
      out.write(buf, 0, at);
      at = 0;
    }
  }

  private static byte[] ascii(String markup) {
    return markup.getBytes(StandardCharsets.US_ASCII);
  }

  static boolean startsLikeFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  static String columnName(int index) {
    StringBuilder b = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      b.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return b.toString();
  }

  private void preamble(String sheetName) throws IOException {
    entry(
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>");
    entry(
        "_rels/.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\""
            + REL
            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    entry(
        "xl/workbook.xml",
        "<workbook xmlns=\""
            + NS
            + "\" xmlns:r=\""
            + REL
            + "\"><sheets><sheet name=\""
            + sheetName
            + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    entry(
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\""
            + REL
            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\""
            + REL
            + "/styles\" Target=\"styles.xml\"/></Relationships>");
    entry(
        "xl/styles.xml",
        "<styleSheet xmlns=\""
            + NS
            + "\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/>"
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>");
  }

  private void entry(String name, String body) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    xml.write(body);
    xml.flush();
    zip.closeEntry();
  }
}
