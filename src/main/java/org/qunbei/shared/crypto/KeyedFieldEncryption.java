package org.qunbei.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The provider over the keys of {@code qunbei.crypto.keys} ({@code QUNBEI_CRYPTO_KEYS}): {@code
 * 1:<base64>,2:<base64>}, each optionally naming its own algorithm ({@code 2:SM4-GCM:<base64>}) so
 * that a school can move from AES to SM4 by re-keying. New values go under {@code
 * qunbei.crypto.current-key} (the highest version by default). The version is authenticated with
 * the value, so a ciphertext relabelled to another version fails to read.
 *
 * <p>Outside the {@code prod} profile a missing key falls back to a demo key; in production the
 * application refuses to start without real keys, as it does without an audit key.
 */
@Component
class KeyedFieldEncryption implements FieldEncryption {

  static final byte[] DEMO_AES =
      "qunbei-demo-field-key-not-prod!!".getBytes(StandardCharsets.UTF_8);
  static final byte[] DEMO_SM4 = "qunbei-demo-sm4!".getBytes(StandardCharsets.UTF_8);

  private final Map<Integer, Key> keys;
  private final int current;
  private final SecureRandom random = new SecureRandom();

  record Key(CryptoAlgorithm algorithm, byte[] material) {}

  @Autowired
  KeyedFieldEncryption(
      @Value("${qunbei.crypto.algorithm:AES-GCM}") String algorithm,
      @Value("${qunbei.crypto.keys:}") String keys,
      @Value("${qunbei.crypto.current-key:#{null}}") Integer current,
      Environment env) {
    this(CryptoAlgorithm.named(algorithm), keys, current, env.acceptsProfiles(Profiles.of("prod")));
  }

  KeyedFieldEncryption(CryptoAlgorithm algorithm, String keys, Integer current, boolean prod) {
    if (keys == null || keys.isBlank()) {
      if (prod) {
        throw refusal("no key is set");
      }
      byte[] demo = algorithm == CryptoAlgorithm.SM4_GCM ? DEMO_SM4 : DEMO_AES;
      keys = "1:" + Base64.getEncoder().encodeToString(demo);
    }
    this.keys = parse(algorithm, keys);
    if (prod
        && this.keys.values().stream()
            .anyMatch(
                k ->
                    Arrays.equals(k.material(), DEMO_AES)
                        || Arrays.equals(k.material(), DEMO_SM4))) {
      throw refusal("a demo key is set");
    }
    this.current = current == null ? ((TreeMap<Integer, Key>) this.keys).lastKey() : current;
    if (!this.keys.containsKey(this.current)) {
      throw new IllegalStateException(
          "qunbei.crypto.current-key: key version "
              + this.current
              + " is not among qunbei.crypto.keys (versions "
              + this.keys.keySet()
              + ")");
    }
  }

  private static IllegalStateException refusal(String why) {
    return new IllegalStateException(
        "Refusing to start: "
            + why
            + "; set qunbei.crypto.keys (QUNBEI_CRYPTO_KEYS) to versioned keys of your own, e.g."
            + " 1:<base64 of 32 random bytes> (docs/operations.md)");
  }

  private static Map<Integer, Key> parse(CryptoAlgorithm algorithm, String text) {
    Map<Integer, Key> parsed = new TreeMap<>();
    for (String entry : text.split(",")) {
      String[] parts = entry.strip().split(":");
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalStateException(
            "qunbei.crypto.keys: each key is <version>:<base64> or <version>:<algorithm>:<base64>");
      }
      int version;
      try {
        version = Integer.parseInt(parts[0].strip());
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            "qunbei.crypto.keys: '" + parts[0].strip() + "' is not a key version (1, 2, …)");
      }
      CryptoAlgorithm used = parts.length == 3 ? CryptoAlgorithm.named(parts[1]) : algorithm;
      byte[] material;
      try {
        material = Base64.getDecoder().decode(parts[parts.length - 1].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("qunbei.crypto.keys: key " + version + " is not base64", e);
      }
      if (version < 1 || parsed.containsKey(version)) {
        throw new IllegalStateException(
            "qunbei.crypto.keys: key version " + version + " is not positive or appears twice");
      }
      if (!used.fits(material.length)) {
        throw new IllegalStateException(
            "qunbei.crypto.keys: key "
                + version
                + " has "
                + material.length
                + " bytes, which "
                + used.configName()
                + " does not take (AES-GCM: 16, 24 or 32; SM4-GCM: 16)");
      }
      parsed.put(version, new Key(used, material));
    }
    return parsed;
  }

  @Override
  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    Key key = keys.get(current);
    byte[] nonce = new byte[CryptoAlgorithm.NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed =
          key.algorithm()
              .apply(
                  true,
                  key.material(),
                  nonce,
                  label(current),
                  plain.getBytes(StandardCharsets.UTF_8));
      byte[] stored = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, stored, 0, nonce.length);
      System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
      return "v" + current + ":" + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt under key " + current, e);
    }
  }

  @Override
  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    int colon = sealedShape(stored);
    if (colon < 0) {
      return stored; // written before encryption: a mobile or secret never looks like "v1:…"
    }
    int version = Integer.parseInt(stored, 1, colon, 10);
    Key key = keys.get(version);
    if (key == null) {
      throw new FieldDecryptionException(
          "A stored value is under key version "
              + version
              + ", which qunbei.crypto.keys does not hold (versions "
              + keys.keySet()
              + "): add it back, or re-key before removing it");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
      if (bytes.length < CryptoAlgorithm.NONCE_BYTES + CryptoAlgorithm.TAG_BITS / 8) {
        throw new FieldDecryptionException("A stored value under key " + version + " is cut short");
      }
      byte[] nonce = Arrays.copyOf(bytes, CryptoAlgorithm.NONCE_BYTES);
      byte[] sealed = Arrays.copyOfRange(bytes, CryptoAlgorithm.NONCE_BYTES, bytes.length);
      byte[] plain = key.algorithm().apply(false, key.material(), nonce, label(version), sealed);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new FieldDecryptionException(
          "A stored value under key "
              + version
              + " fails its authentication: altered, or"
              + " written under another key of that version",
          e);
    }
  }

  @Override
  public boolean isCurrent(String stored) {
    return stored == null || stored.startsWith("v" + current + ":");
  }

  @Override
  public int currentVersion() {
    return current;
  }

  /** The algorithm of a configured key version. */
  CryptoAlgorithm algorithmOf(int version) {
    return keys.get(version).algorithm();
  }

  /**
   * Where the colon of a stored value's "v{version}:{base64}" is (one to nine digits, then only
   * Base64 characters), or -1 for any other text. By hand, not by a regular expression: an export
   * of 10^5 filings decrypts some 250,000 mobiles, and matching each was a quarter of the CPU of
   * the thread that reads their teams.
   */
  static int sealedShape(String stored) {
    int colon = stored.indexOf(':');
    if (colon < 2 || colon > 10 || stored.charAt(0) != 'v') {
      return -1;
    }
    for (int i = 1; i < colon; i++) {
      if (stored.charAt(i) < '0' || stored.charAt(i) > '9') {
        return -1;
      }
    }
    for (int i = colon + 1; i < stored.length(); i++) {
      char c = stored.charAt(i);
      boolean base64 =
          c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || c == '+'
              || c == '/'
              || c == '=';
      if (!base64) {
        return -1;
      }
    }
    return colon;
  }

  /** The additional authenticated data: the version, so a relabelled value fails. */
  private static byte[] label(int version) {
    return ("qunbei-field-v" + version).getBytes(StandardCharsets.US_ASCII);
  }
}
