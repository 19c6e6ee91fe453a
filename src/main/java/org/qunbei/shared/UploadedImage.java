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
 * canvas, so the size is read from the header before any pixel is decoded), two at a time. Every
 * refusal names the field it came in.
 */
public record UploadedImage(String contentType, byte[] bytes, BufferedImage image) {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_SIDE = 4096;

  /**
   * A decoded image costs 4 bytes a pixel: 4096 × 4096 is 64 MB from a 75 KB file. Four million
   * pixels (16 MB) hold any QR code, signature or stamp a phone photographs.
   */
  static final long MAX_PIXELS = 4L * 1024 * 1024;

  /** At most two images decode at once; the others wait a little, then hear to try again. */
  private static final java.util.concurrent.Semaphore DECODING =
      new java.util.concurrent.Semaphore(2, true);

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
    boolean admitted;
    try {
      admitted = DECODING.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new TooSoonException("image.busy");
    }
    try {
      return new UploadedImage(type, bytes.clone(), decode(bytes, field));
    } finally {
      DECODING.release();
    }
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
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > MAX_SIDE || height > MAX_SIDE) {
          throw InvalidInputException.of(field, "image.tooBig", MAX_SIDE);
        }
        if ((long) width * height > MAX_PIXELS) {
          throw InvalidInputException.of(field, "image.tooManyPixels", width, height);
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
