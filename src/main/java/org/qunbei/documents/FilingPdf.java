package org.qunbei.documents;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
import org.qunbei.approval.SealImage;
import org.qunbei.approval.Seals;
import org.qunbei.filing.Filing;
import org.qunbei.filing.FilingService;
import org.qunbei.filing.ReviewRecord;
import org.qunbei.filing.ReviewRouting;
import org.qunbei.filing.ReviewStepInfo;
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

  private final FilingService filings;
  private final ReviewRouting review;
  private final Directory directory;
  private final TemplateEngine templates;
  private final Verifications verifications;
  private final Seals seals;

  FilingPdf(
      FilingService filings,
      ReviewRouting review,
      Directory directory,
      TemplateEngine templates,
      Verifications verifications,
      Seals seals) {
    this.filings = filings;
    this.review = review;
    this.directory = directory;
    this.templates = templates;
    this.verifications = verifications;
    this.seals = seals;
  }

  /**
   * The printout, with its verification mark once the filing has been submitted: a QR code of
   * {@code baseUrl/verify/CODE} and the code itself, to check a paper copy against Qunbei.
   */
  public byte[] render(CurrentUser user, long filingId, String baseUrl) {
    Filing f = filings.get(user, filingId);
    List<ReviewRecord> records = review.recordOf(f);
    var variables = new java.util.HashMap<String, Object>();
    variables.put("filing", f);
    variables.put("c", filings.contentFor(user, f));
    variables.put("departmentName", directory.nameOf(f.departmentCode()));
    variables.put("rows", rows(user, records, f.round()));
    filings
        .qrCode(f)
        .ifPresent(
            qr ->
                variables.put(
                    "groupQr",
                    "data:"
                        + qr.contentType()
                        + ";base64,"
                        + java.util.Base64.getEncoder().encodeToString(qr.image())));
    VerificationMark.of(f, verifications, baseUrl)
        .ifPresent(
            mark -> {
              variables.put("verifyCode", mark.code());
              variables.put("verifyUrl", mark.url());
              variables.put("verifyQr", mark.qrDataUri());
            });
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

  /**
   * A row of section 五 on paper: the step, its decision in the current round if any, and the
   * signature and stamp images that decision carries (as data URIs), if any.
   */
  public record PrintRow(
      ReviewStepInfo step, ReviewRecord decision, String signature, String stamp) {}

  private List<PrintRow> rows(CurrentUser user, List<ReviewRecord> records, int round) {
    return review.steps().stream()
        .map(
            s -> {
              ReviewRecord d = ReviewRecord.of(records, s.code(), round).orElse(null);
              return d == null
                  ? new PrintRow(s, null, null, null)
                  : new PrintRow(
                      s, d, image(user, d.signatureImageId()), image(user, d.stampImageId()));
            })
        .toList();
  }

  private String image(CurrentUser user, Long id) {
    if (id == null) {
      return null;
    }
    SealImage image = seals.image(user, id);
    return "data:"
        + image.contentType()
        + ";base64,"
        + java.util.Base64.getEncoder().encodeToString(image.image());
  }
}
