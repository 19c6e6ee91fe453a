package org.qunbei.shared.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first worksheet of an uploaded .xlsx row by row, without building the workbook: the
 * sheet is parsed as a stream of XML events, so a large sheet never sits in memory, and reading
 * stops at the row limit. A damaged file, an old .xls, a zip bomb (an entry that inflates far
 * beyond its compressed size, beyond a size no sheet of ours has, or thousands of entries), bytes
 * after the archive's end and XML with a document type declaration (an external entity: XXE) are
 * refused with a reason in Chinese, before any row is used ({@link SheetArchive}). {@link #readAny}
 * also takes the .csv an HR system exports, in UTF-8 or in the GB18030 that Chinese Excel writes.
 * Used by the paper import and the staff import.
 */
public final class WorkbookRows {

  /** How a true or false cell reads, as people type it in the sheets. */
  public static final String YES = "是";

  public static final String NO = "否";

  /**
   * No registry sheet comes near this (5,000 rows of 60 columns is some 12 MB of XML), and the
   * shared-strings part, which is read whole, stays well inside the product's 256 MB heap.
   */
  static final long MAX_ENTRY_BYTES = 32L << 20;

  /** A row as read: its number in the sheet, the text of each cell, and which held a formula. */
  public record Row(int line, String[] cells, BitSet formulas) {
    /**
     * The cell's text without what no column keeps (a control character, half a UTF-16 pair): a
     * sheet is typed like a page form, where no one sees them, so they are dropped, not refused.
     */
    public String cell(int column) {
      return column < cells.length ? org.qunbei.shared.Text.cleaned(cells[column]) : null;
    }

    public boolean isBlank() {
      if (!formulas.isEmpty()) {
        return false;
      }
      for (String c : cells) {
        if (c != null && !c.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  public interface Handler {
    void row(Row row);
  }

  /** What is wrong with the file as a whole; nothing of it is used. */
  public static final class BadWorkbook extends RuntimeException {
    private final transient Object[] args;

    /** A message code of the bundles and its arguments, told in the importer's language. */
    public BadWorkbook(String code, Object... args) {
      super(code);
      this.args = args;
    }

    public Object[] args() {
      return args;
    }
  }

  private WorkbookRows() {}

  /** An .xlsx, or text that reads as comma-separated values. */
  public static void readAny(Path file, int maxRows, Handler handler) {
    if (magic(file) == FileMagic.OOXML) {
      read(file, maxRows, handler);
    } else if (magic(file) == FileMagic.OLE2) {
      throw new BadWorkbook("import.bad.xls");
    } else {
      CsvRows.read(file, maxRows, handler);
    }
  }

  /**
   * Whether the file is an .xlsx that may be opened at all: what {@link #read} checks first, for an
   * import that reads the file later (in a background job) but refuses a hostile one at once.
   */
  public static void check(Path file) {
    checkMagic(file);
    SheetArchive.check(file);
  }

  /**
   * The name the upload came with says what it is: a file named other than .xlsx (or .csv where
   * that is taken) is refused, whatever its bytes, so that nothing is imported under a false name.
   */
  public static void checkName(String fileName, boolean csvToo) {
    if (fileName == null || fileName.isBlank()) {
      return;
    }
    String name = fileName.strip().replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    // An .xls goes on to its content, which says to save it as .xlsx: more help than its name.
    if (!lower.endsWith(".xlsx")
        && !lower.endsWith(".xls")
        && !(csvToo && lower.endsWith(".csv"))) {
      throw new BadWorkbook(
          csvToo ? "upload.sheet.nameOrCsv" : "upload.sheet.name",
          name.length() > 60 ? name.substring(name.length() - 60) : name);
    }
  }

  public static void read(Path file, int maxRows, Handler handler) {
    check(file);
    // Process-wide limits, read by every zip POI opens; the same values wherever they are set.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      var strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new BadWorkbook("import.bad.noSheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        // SheetArchive refused any DTD already; the parser refuses one too, should it be reached.
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        xml.setContentHandler(new SheetHandler(strings, styles, maxRows, handler));
        xml.parse(new InputSource(sheet));
      }
    } catch (BadWorkbook e) {
      throw e;
    } catch (TooManyRows e) {
      throw new BadWorkbook("import.bad.tooManyRows", maxRows);
    } catch (Exception e) {
      throw new BadWorkbook(reason(e));
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceed")) {
        return "import.bad.bomb";
      }
    }
    return "import.bad.corrupt";
  }

  private static void checkMagic(Path file) {
    FileMagic magic = magic(file);
    if (magic == FileMagic.OLE2) {
      throw new BadWorkbook("import.bad.xls");
    }
    if (magic != FileMagic.OOXML) {
      throw new BadWorkbook("import.bad.notXlsx");
    }
  }

  private static FileMagic magic(Path file) {
    try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
      return FileMagic.valueOf(in);
    } catch (org.apache.poi.EmptyFileException e) {
      // An empty upload is the sender's mistake, not a failed job.
      throw new BadWorkbook("import.bad.notXlsx");
    } catch (IOException e) {
      throw new BadWorkbook("import.bad.unreadable");
    }
  }

  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  /** The sheet's XML: rows of cells, each with a value, an inline string or a formula. */
  private static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final int maxRows;
    private final Handler handler;
    private final StringBuilder text = new StringBuilder();
    private List<String> cells;
    private BitSet formulas;
    private int line;
    private int rows;
    private int column;
    private String type;
    private String style;
    private boolean inValue;
    private boolean hasFormula;

    SheetHandler(
        ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows, Handler handler) {
      this.strings = strings;
      this.styles = styles;
      this.maxRows = maxRows;
      this.handler = handler;
    }

    @Override
    public void startElement(String uri, String local, String name, Attributes a) {
      switch (local) {
        case "row" -> {
          String r = a.getValue("r");
          line = r == null ? line + 1 : Integer.parseInt(r);
          cells = new ArrayList<>();
          formulas = new BitSet();
          column = 0;
        }
        case "c" -> {
          String ref = a.getValue("r");
          column = ref == null ? column : new CellReference(ref).getCol();
          type = a.getValue("t");
          style = a.getValue("s");
          hasFormula = false;
          text.setLength(0);
        }
        case "v", "t" -> {
          inValue = true;
          if (local.equals("v")) {
            text.setLength(0);
          }
        }
        case "f" -> hasFormula = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String name) {
      switch (local) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          while (cells.size() <= column) {
            cells.add(null);
          }
          cells.set(column, value());
          if (hasFormula) {
            formulas.set(column);
          }
          column++;
        }
        case "row" -> {
          if (line > 1 && ++rows > maxRows) {
            throw new TooManyRows();
          }
          handler.row(new Row(line, cells.toArray(String[]::new), formulas));
        }
        default -> {}
      }
    }

    private String value() {
      String raw = text.toString();
      if (type == null || type.equals("n")) {
        return raw.isEmpty() ? null : number(raw);
      }
      return switch (type) {
        case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
        case "b" -> raw.equals("1") ? YES : NO;
        default -> raw; // inlineStr, str (a formula's text), e (an error)
      };
    }

    /** A number as typed; a date-formatted number as the date it shows (2026-09-01). */
    private String number(String raw) {
      try {
        double d = Double.parseDouble(raw);
        if (style != null) {
          var s = styles.getStyleAt(Integer.parseInt(style));
          if (s != null
              && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString())
              && DateUtil.isValidExcelDate(d)) {
            return DateUtil.getLocalDateTime(d).toLocalDate().toString();
          }
        }
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return raw;
      }
    }
  }
}
