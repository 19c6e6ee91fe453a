package org.qunbei.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/** Test material: the API example filing (made unique per test) and real QR images. */
public final class Samples {

  private static final AtomicInteger SEQ = new AtomicInteger();

  private Samples() {}

  /** filing-example.json from shared/api, with a unique group name and a future dissolve date. */
  public static ObjectNode example() {
    try {
      Path p = Path.of("src/test/resources/filing-example.json");
      ObjectNode n = (ObjectNode) Api.JSON.readTree(Files.readString(p));
      n.put(
          "groupName",
          n.path("groupName").asString()
              + "-"
              + System.nanoTime() % 100000
              + "-"
              + SEQ.incrementAndGet());
      n.put("dissolveBy", LocalDate.now().plusMonths(8).toString());
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] qrPng(String content) {
    return qr(content, "png");
  }

  public static byte[] qr(String content, String format) {
    try {
      var matrix =
          new QRCodeWriter()
              .encode(
                  content,
                  BarcodeFormat.QR_CODE,
                  300,
                  300,
                  Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
      var out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, format, out);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
