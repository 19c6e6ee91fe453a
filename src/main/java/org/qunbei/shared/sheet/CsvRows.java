package org.qunbei.shared.sheet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Comma-separated rows as RFC 4180 writes them (quoted cells may hold commas, quotes doubled, line
 * breaks). Excel in a Chinese Windows saves CSV in GB18030 and HR systems in UTF-8, often with a
 * byte-order mark: the text is read as UTF-8 when it decodes as such and as GB18030 otherwise, so
 * names never come out garbled.
 */
final class CsvRows {

  /** Far beyond a school's staff file (some 10,000 people in under 2 MB). */
  static final long MAX_BYTES = 16L << 20;

  private static final Charset GB18030 = Charset.forName("GB18030");

  private CsvRows() {}

  static void read(Path file, int maxRows, WorkbookRows.Handler handler) {
    String text = decode(file);
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rows = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        cells.add(value(cell));
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(value(cell));
        if (line > 1 && ++rows > maxRows) {
          throw new WorkbookRows.BadWorkbook("import.bad.tooManyRows", maxRows);
        }
        handler.row(new WorkbookRows.Row(line++, cells.toArray(String[]::new), new BitSet()));
        cells = new ArrayList<>();
        any = false;
      } else {
        cell.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new WorkbookRows.BadWorkbook("import.bad.csvQuote", line);
    }
    if (any || cell.length() > 0) {
      cells.add(value(cell));
      if (line > 1 && ++rows > maxRows) {
        throw new WorkbookRows.BadWorkbook("import.bad.tooManyRows", maxRows);
      }
      handler.row(new WorkbookRows.Row(line, cells.toArray(String[]::new), new BitSet()));
    }
  }

  private static String value(StringBuilder cell) {
    String v = cell.toString();
    cell.setLength(0);
    return v.isEmpty() ? null : v;
  }

  private static String decode(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new WorkbookRows.BadWorkbook("import.bad.bomb");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new WorkbookRows.BadWorkbook("import.bad.unreadable");
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buffer)
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, GB18030);
    }
    if (text.indexOf('\0') >= 0) {
      throw new WorkbookRows.BadWorkbook("import.bad.notSheet");
    }
    return text;
  }
}
