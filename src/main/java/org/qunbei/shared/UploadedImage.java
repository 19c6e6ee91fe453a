package org.qunbei.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded PNG or JPEG, accepted only after decoding it: judged by its bytes, not its name or
 * declared type, within a size limit and with sane dimensions (a tiny file can declare a huge
 * canvas). Every refusal names the field it came in.
 */
public record UploadedImage(String contentType, byte[] bytes, BufferedImage image) {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_SIDE = 4096;

  public static UploadedImage read(byte[] bytes, String field) {
    if (bytes == null || bytes.length == 0) {
      throw InvalidInputException.of(field, "image.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidInputException.of(field, "image.tooLarge", MAX_BYTES / 1024 / 1024);
    }
    String type = sniff(bytes);
    if (type == null) {
      throw InvalidInputException.of(field, "image.notImage");
    }
    return new UploadedImage(type, bytes.clone(), decode(bytes, field));
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

  private static BufferedImage decode(byte[] bytes, String field) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw InvalidInputException.of(field, "image.notImage");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
          throw InvalidInputException.of(field, "image.tooBig", MAX_SIDE);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw InvalidInputException.of(field, "image.notImage");
    }
  }
}
