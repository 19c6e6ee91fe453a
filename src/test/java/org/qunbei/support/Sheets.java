package org.qunbei.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for import tests: the product's own template filled in, and hostile files. */
public final class Sheets {

  private Sheets() {}

  /**
   * A row as a clerk fills it: the example of the template's help sheet, with some cells changed.
   */
  public static Map<String, String> exampleRow(byte[] template, Map<String, String> changes) {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet help = wb.getSheet("填写说明");
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i <= help.getLastRowNum(); i++) {
        Row r = help.getRow(i);
        row.put(r.getCell(0).getStringCellValue(), r.getCell(3).getStringCellValue());
      }
      row.putAll(changes);
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The template with these rows filled in (by header, in the data sheet's columns). A value that
   * starts with "=" is written as a formula, as Excel would keep it.
   */
  public static byte[] filled(byte[] template, List<Map<String, String>> rows) {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template));
        var out = new ByteArrayOutputStream()) {
      Sheet data = wb.getSheetAt(0);
      Row head = data.getRow(0);
      Map<String, Integer> columns = new LinkedHashMap<>();
      head.forEach(c -> columns.put(c.getStringCellValue().replace("*", ""), c.getColumnIndex()));
      for (int i = 0; i < rows.size(); i++) {
        Row r = data.createRow(i + 1);
        rows.get(i)
            .forEach(
                (header, value) -> {
                  Integer col = columns.get(header);
                  if (col == null || value == null || value.isEmpty()) {
                    return;
                  }
                  if (value.startsWith("=")) {
                    r.createCell(col).setCellFormula(value.substring(1));
                  } else {
                    r.createCell(col).setCellValue(value);
                  }
                });
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A tiny .xlsx whose sheet inflates to {@code megabytes} of blank rows: a zip bomb in the shape
   * of a workbook.
   */
  public static byte[] bomb(int megabytes) {
    try (var bytes = new ByteArrayOutputStream();
        var zip = new ZipOutputStream(bytes)) {
      skeleton(zip);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(
          ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                  + "<sheetData>")
              .getBytes(StandardCharsets.UTF_8));
      byte[] blanks = new byte[1 << 20];
      java.util.Arrays.fill(blanks, (byte) ' ');
      for (int i = 0; i < megabytes; i++) {
        zip.write(blanks);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A well-formed workbook with {@code rows} rows of one number each (the header included). */
  public static byte[] manyRows(int rows) {
    try (var bytes = new ByteArrayOutputStream();
        var zip = new ZipOutputStream(bytes)) {
      skeleton(zip);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      var w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
      w.write(
          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>备案表编号</t></is></c></row>");
      for (int i = 2; i <= rows; i++) {
        w.write("<row r=\"" + i + "\"><c r=\"A" + i + "\"><v>" + i + "</v></c></row>");
      }
      w.write("</sheetData></worksheet>");
      w.flush();
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void skeleton(ZipOutputStream zip) throws IOException {
    String ns = "http://schemas.openxmlformats.org/";
    entry(
        zip,
        "[Content_Types].xml",
        "<Types xmlns=\""
            + ns
            + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
    entry(
        zip,
        "_rels/.rels",
        "<Relationships xmlns=\""
            + ns
            + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
            + ns
            + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    entry(
        zip,
        "xl/workbook.xml",
        "<workbook xmlns=\""
            + ns
            + "spreadsheetml/2006/main\" xmlns:r=\""
            + ns
            + "officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    entry(
        zip,
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\""
            + ns
            + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
            + ns
            + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  }

  private static void entry(ZipOutputStream zip, String name, String body) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(body.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
