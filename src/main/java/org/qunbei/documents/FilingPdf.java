package org.qunbei.documents;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.qunbei.accounts.CurrentUser;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a filing as the paper form: one print template (HTML + CSS), parsed leniently and laid
 * out by openhtmltopdf with Noto Sans SC embedded. Only who may see the filing may print it.
 */
@Service
public class FilingPdf {

  static final String FONT = "Noto Sans SC";

  static {
    // The renderer logs every font load and layout pass at INFO: noise at one line per print.
    com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
        .forEach(l -> com.openhtmltopdf.util.XRLog.setLevel(l, java.util.logging.Level.WARNING));
  }

  private final PrintViews views;
  private final TemplateEngine templates;

  FilingPdf(PrintViews views, TemplateEngine templates) {
    this.views = views;
    this.templates = templates;
  }

  /**
   * The printout, with its verification mark once the filing has been submitted: a QR code of
   * {@code baseUrl/verify/CODE} and the code itself, to check a paper copy against Qunbei.
   */
  public byte[] render(CurrentUser user, long filingId, String baseUrl) {
    PrintView view = views.of(user, filingId, baseUrl);
    var variables = new java.util.HashMap<String, Object>();
    variables.put("filing", view.filing());
    variables.put("c", view.content());
    variables.put("departmentName", view.departmentName());
    variables.put("teamRows", view.team());
    variables.put("rows", view.approvals());
    variables.put("commitment", view.commitment());
    variables.put("groupQr", view.groupQr() == null ? null : view.groupQr().dataUri());
    if (view.mark() != null) {
      variables.put("verifyCode", view.mark().code());
      variables.put("verifyUrl", view.mark().shortUrl());
      variables.put("digest", view.mark().digest());
      variables.put("digestSections", DigestSection.values());
      variables.put("verifyQr", view.mark().qrDataUri());
    }
    // The printed form is the official paper: Chinese whatever the reader's language.
    var context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, variables);
    String html = templates.process("documents/filing-print", context);
    return pdf(html);
  }

  private static byte[] pdf(String html) {
    var dom = new W3CDom().fromJsoup(Jsoup.parse(html));
    return PrintFonts.borrow(
        fonts -> {
          try (var out = new ByteArrayOutputStream();
              var doc = new PDDocument()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            builder.useFont(
                new PDFontSupplier(PDType0Font.load(doc, fonts.regular(), true)),
                FONT,
                400,
                PdfRendererBuilder.FontStyle.NORMAL,
                true);
            builder.useFont(
                new PDFontSupplier(PDType0Font.load(doc, fonts.bold(), true)),
                FONT,
                700,
                PdfRendererBuilder.FontStyle.NORMAL,
                true);
            builder.withW3cDocument(dom, "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
