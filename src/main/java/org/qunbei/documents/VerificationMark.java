package org.qunbei.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.qunbei.filing.Filing;

/**
 * The mark a printout carries once its filing was submitted: the code (as printed), the public page
 * it leads to, that page's QR code, and the content digests printed beside it. The QR link carries
 * the whole digest, so that scanning the paper tells at once whether it shows the filing as it
 * stands. Drafts carry none — they cannot be checked.
 */
record VerificationMark(String code, String url, byte[] qrPng, PrintDigest digest) {

  static Optional<VerificationMark> of(
      Filing f,
      Verifications verifications,
      java.util.function.Supplier<PrintDigest> digest,
      String baseUrl) {
    if (f.number() == null) {
      return Optional.empty();
    }
    // The code first: the digest's key is kept beside it.
    String code = verifications.codeFor(f.id());
    PrintDigest d = digest.get();
    String url = baseUrl + "/verify/" + code + "?d=" + d.whole();
    return Optional.of(new VerificationMark(Verifications.display(code), url, qrPng(url), d));
  }

  /** The link as printed under the QR code: short enough to type, the digest typed apart. */
  String shortUrl() {
    return url.substring(0, url.indexOf('?'));
  }

  String qrDataUri() {
    return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(qrPng);
  }

  /**
   * The QR code at four pixels a module: sharp when the page scales it up (images are not
   * smoothed), and a sixteenth of the pixels of a photo-sized image to encode and embed.
   */
  private static byte[] qrPng(String text) {
    try (var out = new ByteArrayOutputStream()) {
      var writer = new com.google.zxing.qrcode.QRCodeWriter();
      var hints = Map.of(com.google.zxing.EncodeHintType.MARGIN, 1);
      int modules =
          writer.encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints).getWidth();
      var matrix =
          writer.encode(
              text, com.google.zxing.BarcodeFormat.QR_CODE, modules * 4, modules * 4, hints);
      com.google.zxing.client.j2se.MatrixToImageWriter.writeToStream(matrix, "png", out);
      return out.toByteArray();
    } catch (IOException | com.google.zxing.WriterException e) {
      throw new IllegalStateException("cannot draw the verification QR code", e);
    }
  }
}
