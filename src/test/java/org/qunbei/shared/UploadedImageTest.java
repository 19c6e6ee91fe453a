package org.qunbei.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qunbei.support.HostileFiles.SCRIPT;
import static org.qunbei.support.HostileFiles.concat;
import static org.qunbei.support.HostileFiles.utf8;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.qunbei.support.HostileFiles;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.StaticMessageSource;

/** Polyglots, markup and lies about the type are refused; what is kept is a clean PNG. */
class UploadedImageTest {

  static final byte[] PNG = HostileFiles.encode(HostileFiles.picture(64, 48), "png");
  static final byte[] JPEG = HostileFiles.encode(HostileFiles.picture(64, 48), "jpg");

  /** The reason's code (upload.refused carries the field's label, then the reason). */
  static String reason(byte[] bytes, String type, String name) {
    try {
      UploadedImage.read(bytes, type, name, "signature");
      return null;
    } catch (InvalidInputException e) {
      var v = e.violations().list().get(0);
      assertThat(v.field()).isEqualTo("signature");
      assertThat(v.code()).isEqualTo("upload.refused");
      assertThat(((MessageSourceResolvable) v.args()[0]).getCodes())
          .containsExactly("field.signature");
      return ((MessageSourceResolvable) v.args()[1]).getCodes()[0];
    }
  }

  static String reason(byte[] bytes) {
    return reason(bytes, null, null);
  }

  @Test
  void anythingAfterTheImagesEndMarkerIsRefused() {
    byte[] zip = HostileFiles.zip("evil.class", "cafebabe");
    assertThat(reason(concat(PNG, zip))).isEqualTo("upload.image.trailer");
    assertThat(reason(concat(JPEG, zip))).isEqualTo("upload.image.trailer");
    assertThat(reason(concat(PNG, utf8("<html><body>" + SCRIPT + "</body></html>"))))
        .isEqualTo("upload.image.trailer");
    assertThat(reason(concat(JPEG, utf8(SCRIPT)))).isEqualTo("upload.image.trailer");
    assertThat(reason(concat(PNG, utf8("\n")))).isEqualTo("upload.image.trailer");
    // Zero padding (some scanners write it) carries nothing.
    assertThat(reason(concat(PNG, new byte[16]))).isNull();
    assertThat(reason(concat(JPEG, new byte[16]))).isNull();
  }

  @Test
  void aGifarAndOtherFormatsAreNotImagesHere() {
    assertThat(reason(HostileFiles.gifar())).isEqualTo("image.notImage");
    assertThat(reason(HostileFiles.zip("a.txt", "x"))).isEqualTo("image.notImage");
    // A PNG cut off before its end, a JPEG without EOI.
    assertThat(reason(java.util.Arrays.copyOf(PNG, PNG.length - 12))).isEqualTo("image.notImage");
    assertThat(reason(java.util.Arrays.copyOf(JPEG, JPEG.length - 2))).isEqualTo("image.notImage");
  }

  @Test
  void svgHtmlAndXmlDressedAsImagesAreRefused() {
    assertThat(reason(HostileFiles.svg(), "image/png", "logo.png"))
        .isEqualTo("upload.image.markup");
    assertThat(reason(utf8("  <html><img src=x onerror=alert(1)></html>")))
        .isEqualTo("upload.image.markup");
    assertThat(
            reason(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, HostileFiles.svg())))
        .isEqualTo("upload.image.markup");
    assertThat(reason(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8("<\0s\0v\0g\0"))))
        .isEqualTo("upload.image.markup");
  }

  @Test
  void bytesAndTheirDeclaredNameOrTypeMustAgree() {
    assertThat(reason(PNG, "image/svg+xml", null)).isEqualTo("upload.image.mismatch");
    assertThat(reason(PNG, "text/html", null)).isEqualTo("upload.image.mismatch");
    assertThat(reason(PNG, "image/jpeg", null)).isEqualTo("upload.image.mismatch");
    assertThat(reason(JPEG, "image/png", null)).isEqualTo("upload.image.mismatch");
    assertThat(reason(PNG, null, "stamp.svg")).isEqualTo("upload.image.mismatch");
    assertThat(reason(PNG, null, "stamp.html")).isEqualTo("upload.image.mismatch");
    assertThat(reason(JPEG, null, "stamp.png")).isEqualTo("upload.image.mismatch");
    assertThat(reason(PNG, "image/png", "C:\\签名\\签名.PNG")).isNull();
    assertThat(reason(JPEG, "image/jpeg; charset=binary", "photo.jpeg")).isNull();
    assertThat(reason(JPEG, "application/octet-stream", "signature")).isNull();
    assertThat(reason(PNG, "image/png", "no-extension")).isNull();
  }

  @Test
  void theMessageNamesTheFieldBeforeTheReason() {
    var messages = new StaticMessageSource();
    messages.addMessage("upload.refused", java.util.Locale.CHINA, "{0}：{1}");
    messages.addMessage("field.signature", java.util.Locale.CHINA, "签名图片");
    messages.addMessage("upload.image.markup", java.util.Locale.CHINA, "不是图片");
    try {
      UploadedImage.read(HostileFiles.svg(), "signature");
    } catch (InvalidInputException e) {
      var v = e.violations().list().get(0);
      assertThat(messages.getMessage(v.code(), v.args(), java.util.Locale.CHINA))
          .isEqualTo("签名图片：不是图片");
      return;
    }
    throw new AssertionError("an SVG was accepted");
  }

  @Test
  void whatIsKeptIsAPngReEncodedWithoutMetadataOrPayload() throws Exception {
    byte[] png = HostileFiles.pngWithMetadata(PNG);
    assertThat(HostileFiles.pngChunks(png)).contains("tEXt", "iTXt", "eXIf", "tIME");
    UploadedImage kept = UploadedImage.read(png, "image/png", "sig.png", "signature");
    assertThat(kept.contentType()).isEqualTo("image/png");
    assertThat(HostileFiles.pngChunks(kept.bytes()))
        .doesNotContain("tEXt", "zTXt", "iTXt", "eXIf", "tIME", "TRAILER")
        .startsWith("IHDR")
        .endsWith("IEND");
    assertThat(HostileFiles.contains(kept.bytes(), "script")).isFalse();
    assertSamePixels(kept.bytes(), ImageIO.read(new ByteArrayInputStream(PNG)));

    byte[] jpeg = HostileFiles.jpegWithMetadata(JPEG);
    assertThat(HostileFiles.contains(jpeg, "Exif")).isTrue();
    UploadedImage fromJpeg = UploadedImage.read(jpeg, "image/jpeg", "sig.jpg", "signature");
    assertThat(fromJpeg.contentType()).isEqualTo("image/png");
    assertThat(ImageBytes.sniff(fromJpeg.bytes())).isEqualTo("image/png");
    assertThat(HostileFiles.pngChunks(fromJpeg.bytes()))
        .doesNotContain("tEXt", "zTXt", "iTXt", "eXIf", "TRAILER");
    assertThat(HostileFiles.contains(fromJpeg.bytes(), "Exif")).isFalse();
    assertThat(HostileFiles.contains(fromJpeg.bytes(), "script")).isFalse();
    assertSamePixels(fromJpeg.bytes(), ImageIO.read(new ByteArrayInputStream(JPEG)));
  }

  @Test
  void theBytesKeptAreNotTheBytesSent() {
    UploadedImage kept = UploadedImage.read(PNG, "signature");
    assertThat(kept.bytes()).isNotSameAs(PNG);
    assertThat(ImageBytes.end(kept.bytes(), "image/png")).isEqualTo(kept.bytes().length);
  }

  private static void assertSamePixels(byte[] png, BufferedImage expected) throws Exception {
    BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y += 7) {
      for (int x = 0; x < expected.getWidth(); x += 7) {
        assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
      }
    }
  }
}
