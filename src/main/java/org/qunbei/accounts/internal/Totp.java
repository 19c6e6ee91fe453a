package org.qunbei.accounts.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six digits), as every
 * authenticator app speaks them. A code is accepted one step either side of now (phones drift), and
 * only for a step after the last one used, so a code seen over a shoulder cannot be replayed.
 */
final class Totp {

  static final int STEP_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new shared secret, 160 bits as RFC 4226 recommends, in Base32 for the app. */
  static String newSecret() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return base32(bytes);
  }

  /** The otpauth URI an authenticator app reads from the QR code. */
  static String uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits=6&period="
        + STEP_SECONDS;
  }

  /**
   * The step the code belongs to, if it is right for a step near {@code epochSeconds} and later
   * than {@code lastStep}; empty otherwise.
   */
  static OptionalLong verify(String secret, String code, long epochSeconds, long lastStep) {
    if (secret == null || code == null || !code.strip().matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    long now = epochSeconds / STEP_SECONDS;
    for (long step = now - 1; step <= now + 1; step++) {
      if (step > lastStep && code(secret, step).equals(code.strip())) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  static String code(String secret, long step) {
    return code(unbase32(secret), step, 6);
  }

  static String code(byte[] key, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      int mod = (int) Math.pow(10, digits);
      return String.format("%0" + digits + "d", binary % mod);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] unbase32(String text) {
    String s = text.replace("=", "").replace(" ", "").toUpperCase();
    ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : s.toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not Base32");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
