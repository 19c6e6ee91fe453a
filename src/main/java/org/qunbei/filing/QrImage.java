package org.qunbei.filing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.qunbei.shared.InvalidInputException;

/**
 * An uploaded group QR image, accepted only after decoding it: the bytes must be a PNG or JPEG
 * (judged by their content, not a file name or declared type), of sane dimensions (a tiny file can
 * declare a huge canvas), and must hold a readable QR code.
 */
public record QrImage(String contentType, byte[] bytes, String content) {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_SIDE = 4096;
  static final String FIELD = "qrCode";

  public static QrImage read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw InvalidInputException.of(FIELD, "filing.qr.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidInputException.of(FIELD, "filing.qr.tooLarge", MAX_BYTES / 1024 / 1024);
    }
    String type = sniff(bytes);
    if (type == null) {
      throw InvalidInputException.of(FIELD, "filing.qr.notImage");
    }
    BufferedImage image = decodeImage(bytes);
    return new QrImage(type, bytes.clone(), decodeQr(image));
  }

  private static String sniff(byte[] b) {
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    return null;
  }

  private static BufferedImage decodeImage(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw InvalidInputException.of(FIELD, "filing.qr.notImage");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
          throw InvalidInputException.of(FIELD, "filing.qr.tooBig", MAX_SIDE);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw InvalidInputException.of(FIELD, "filing.qr.notImage");
    }
  }

  private static String decodeQr(BufferedImage image) {
    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      return new QRCodeReader()
          .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
    } catch (NotFoundException e) {
      throw InvalidInputException.of(FIELD, "filing.qr.noCode");
    } catch (ReaderException e) {
      throw InvalidInputException.of(FIELD, "filing.qr.noCode");
    }
  }
}
