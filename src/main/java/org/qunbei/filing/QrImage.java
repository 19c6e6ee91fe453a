package org.qunbei.filing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.UploadedImage;

/**
 * An uploaded group QR image: a real PNG or JPEG that holds a readable QR code, kept as the PNG
 * re-encoded from its pixels (see {@link UploadedImage}).
 */
public record QrImage(String contentType, byte[] bytes, String content) {

  public static final int MAX_BYTES = UploadedImage.MAX_BYTES;
  static final String FIELD = "qrCode";

  public static QrImage read(byte[] bytes) {
    return read(bytes, null, null);
  }

  /** An upload with the content type and file name it declared (either may be null). */
  public static QrImage read(byte[] bytes, String declaredType, String fileName) {
    UploadedImage image = UploadedImage.read(bytes, declaredType, fileName, FIELD);
    var bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image.image())));
    try {
      String text =
          new QRCodeReader()
              .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
              .getText();
      return new QrImage(image.contentType(), image.bytes(), text);
    } catch (ReaderException e) {
      throw InvalidInputException.upload(FIELD, "field." + FIELD, "filing.qr.noCode");
    }
  }
}
