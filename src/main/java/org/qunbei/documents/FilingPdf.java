package org.qunbei.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.qunbei.accounts.CurrentUser;
import org.qunbei.accounts.Directory;
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

  private final FilingService filings;
  private final ReviewRouting review;
  private final Directory directory;
  private final TemplateEngine templates;

  FilingPdf(
      FilingService filings, ReviewRouting review, Directory directory, TemplateEngine templates) {
    this.filings = filings;
    this.review = review;
    this.directory = directory;
    this.templates = templates;
  }

  public byte[] render(CurrentUser user, long filingId) {
    Filing f = filings.get(user, filingId);
    List<ReviewRecord> records = review.recordOf(f);
    var context =
        new Context(
            java.util.Locale.SIMPLIFIED_CHINESE,
            Map.of(
                "filing", f,
                "c", f.content(),
                "departmentName", directory.nameOf(f.departmentCode()),
                "rows", PrintRow.of(review.steps(), records, f.round())));
    String html = templates.process("documents/filing-print", context);
    return pdf(html);
  }

  private static byte[] pdf(String html) {
    try (var out = new ByteArrayOutputStream()) {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(PrintFonts::regular, FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(PrintFonts::bold, FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A row of section 五 on paper: the step and its decision in the current round, if any. */
  public record PrintRow(ReviewStepInfo step, ReviewRecord decision) {
    static List<PrintRow> of(List<ReviewStepInfo> steps, List<ReviewRecord> records, int round) {
      return steps.stream()
          .map(
              s ->
                  new PrintRow(
                      s,
                      records.stream()
                          .filter(r -> r.round() == round && r.step().equals(s.code()))
                          .reduce((a, b) -> b)
                          .orElse(null)))
          .toList();
    }
  }
}
