package org.qunbei.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded PNG or JPEG, accepted only after decoding it and kept only as a PNG drawn afresh from
 * its pixels. Judged by its bytes: SVG, HTML or XML dressed as an image, bytes that are not what
 * the name or type declared, and anything appended after the image's end marker (a ZIP, a page, a
 * script: a polyglot) are refused; the size is read from the header before any pixel is decoded (a
 * tiny file can declare a huge canvas); two decode at once. Re-encoding drops every chunk and
 * segment but the pixels (EXIF, comments, text), so what is stored and served again is an image and
 * nothing else. Every refusal names the field it came in.
 */
public record UploadedImage(byte[] bytes, BufferedImage image) {

  public static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_SIDE = 4096;

  /** What is stored: always a PNG, whatever came in. */
  public static final String CONTENT_TYPE = ImageBytes.PNG;

  /**
   * A decoded image costs 4 bytes a pixel: 4096 × 4096 is 64 MB from a 75 KB file. Four million
   * pixels (16 MB) hold any QR code, signature or stamp a phone photographs.
   */
  static final long MAX_PIXELS = 4L * 1024 * 1024;

  /** At most two images decode at once; the others wait a little, then hear to try again. */
  private static final Semaphore DECODING = new Semaphore(2, true);

  public String contentType() {
    return CONTENT_TYPE;
  }

  /** Bytes with nothing declared about them (a test, a format read elsewhere). */
  public static UploadedImage read(byte[] bytes, String field) {
    return read(bytes, null, null, field);
  }

  /**
   * An upload as it came: its bytes, the content type it declared (the request's or the form
   * part's) and its file name, either may be null.
   */
  public static UploadedImage read(
      byte[] bytes, String declaredType, String fileName, String field) {
    if (bytes == null || bytes.length == 0) {
      throw refused(field, "image.empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw refused(field, "image.tooLarge", MAX_BYTES / 1024 / 1024);
    }
    if (ImageBytes.isMarkup(bytes)) {
      throw refused(field, "upload.image.markup");
    }
    String type = ImageBytes.sniff(bytes);
    if (type == null) {
      throw refused(field, "image.notImage");
    }
    String declared = ImageBytes.disagreement(type, declaredType, fileName);
    if (declared != null) {
      throw refused(
          field, "upload.image.mismatch", declared, ImageBytes.PNG.equals(type) ? "PNG" : "JPEG");
    }
    int end = ImageBytes.end(bytes, type);
    if (end < 0) {
      throw refused(field, "image.notImage");
    }
    if (ImageBytes.hasTrailer(bytes, end)) {
      throw refused(field, "upload.image.trailer", bytes.length - end);
    }
    boolean admitted;
    try {
      admitted = DECODING.tryAcquire(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new TooSoonException("image.busy");
    }
    try {
      BufferedImage image = decode(bytes, field);
      return new UploadedImage(png(image, field), image);
    } finally {
      DECODING.release();
    }
  }

  static InvalidInputException refused(String field, String code, Object... args) {
    return InvalidInputException.upload(field, "field." + field, code, args);
  }

  private static BufferedImage decode(byte[] bytes, String field) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw refused(field, "image.notImage");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > MAX_SIDE || height > MAX_SIDE) {
          throw refused(field, "image.tooBig", MAX_SIDE);
        }
        if ((long) width * height > MAX_PIXELS) {
          throw refused(field, "image.tooManyPixels", width, height);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw refused(field, "image.notImage");
    }
  }

  /** The pixels alone, as a PNG: no metadata, no chunk or segment of the upload survives. */
  private static byte[] png(BufferedImage image, String field) {
    try {
      var out = new ByteArrayOutputStream(64 * 1024);
      if (!ImageIO.write(image, "png", out)) {
        // A colour model the PNG writer does not take (a CMYK or odd-banded raster): as RGBA.
        var rgba =
            new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        var g = rgba.createGraphics();
        try {
          g.drawImage(image, 0, 0, null);
        } finally {
          g.dispose();
        }
        out.reset();
        if (!ImageIO.write(rgba, "png", out)) {
          throw refused(field, "image.notImage");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw refused(field, "image.notImage");
    }
  }
}
