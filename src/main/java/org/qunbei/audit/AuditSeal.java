package org.qunbei.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Seals audit events with HMAC-SHA256 under a key that lives outside the database ({@code
 * qunbei.audit.key}). In production the application refuses to start with a missing, short or demo
 * key.
 */
@Component
class AuditSeal {

  static final String DEMO_KEY = "qunbei-demo-audit-key-not-for-production";

  private final SecretKeySpec key;

  AuditSeal(@Value("${qunbei.audit.key:" + DEMO_KEY + "}") String key, Environment env) {
    if (env.acceptsProfiles(Profiles.of("prod")) && (key.length() < 32 || key.equals(DEMO_KEY))) {
      throw new IllegalStateException(
          "Refusing to start: set qunbei.audit.key (QUNBEI_AUDIT_KEY) to a secret of at least"
              + " 32 characters");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String of(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean matches(String content, String seal) {
    byte[] expected = of(content).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = seal == null ? new byte[0] : seal.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual) && !Arrays.equals(actual, new byte[0]);
  }
}
