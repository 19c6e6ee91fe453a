package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.support.Samples;

class QrImageTest {

  static String codeOf(Runnable r) {
    try {
      r.run();
      return null;
    } catch (InvalidInputException e) {
      // upload.refused: the field's label, then the reason.
      var v = e.violations().list().get(0);
      return ((org.springframework.context.MessageSourceResolvable) v.args()[1]).getCodes()[0];
    }
  }

  @Test
  void aPngQrIsDecoded() {
    QrImage qr = QrImage.read(Samples.qrPng("https://weixin.qq.com/g/AbC123"));
    assertThat(qr.contentType()).isEqualTo("image/png");
    assertThat(qr.content()).isEqualTo("https://weixin.qq.com/g/AbC123");
  }

  @Test
  void aJpegQrIsDecoded() {
    QrImage qr = QrImage.read(Samples.qr("钉钉群邀请", "jpg"));
    assertThat(qr.contentType()).as("kept re-encoded").isEqualTo("image/png");
    assertThat(qr.content()).isEqualTo("钉钉群邀请");
  }

  @Test
  void textRenamedAsAnImageIsRefused() {
    assertThat(codeOf(() -> QrImage.read("PNG? no".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("image.notImage");
  }

  @Test
  void aPngHeaderOnGarbageIsRefused() {
    byte[] fake = new byte[100];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, fake, 0, 8);
    assertThat(codeOf(() -> QrImage.read(fake))).isEqualTo("image.notImage");
  }

  @Test
  void anImageWithoutAQrIsRefused() throws Exception {
    var out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB), "png", out);
    assertThat(codeOf(() -> QrImage.read(out.toByteArray()))).isEqualTo("filing.qr.noCode");
  }

  @Test
  void aHugeCanvasIsRefusedBeforeDecoding() throws Exception {
    // A tiny file that declares 20000 x 20000 pixels: decoding it would need 1.6 GB.
    var out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(20000, 20000, BufferedImage.TYPE_BYTE_BINARY), "png", out);
    assertThat(out.size()).isLessThan(QrImage.MAX_BYTES);
    assertThat(codeOf(() -> QrImage.read(out.toByteArray()))).isEqualTo("image.tooBig");
  }

  @Test
  void aSmallFileOfSixteenMillionPixelsIsRefusedBeforeDecoding() throws Exception {
    // Found probing the app: 75 KB of PNG that decodes to 64 MB and scans for two seconds.
    var out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4096, 4096, BufferedImage.TYPE_BYTE_BINARY), "png", out);
    assertThat(out.size()).isLessThan(200_000);
    assertThat(codeOf(() -> QrImage.read(out.toByteArray()))).isEqualTo("image.tooManyPixels");
  }

  @Test
  void emptyAndOversizeUploadsAreRefused() {
    assertThat(codeOf(() -> QrImage.read(new byte[0]))).isEqualTo("image.empty");
    assertThatThrownBy(() -> QrImage.read(new byte[QrImage.MAX_BYTES + 1]))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(codeOf(() -> QrImage.read(new byte[QrImage.MAX_BYTES + 1])))
                    .isEqualTo("image.tooLarge"));
  }
}
