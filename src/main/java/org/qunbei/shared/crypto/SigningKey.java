package org.qunbei.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * An asymmetric key that signs what must be checked later by someone holding only the public half:
 * the audit chain's checkpoints, verified by the auditor offline. Ed25519 from the JDK by default;
 * SM2 with SM3 (GB/T 32918, GB/T 32905) through BouncyCastle for a school assessed under 密评.
 */
public final class SigningKey {

  /** The signature algorithms a school may choose. */
  public enum Algorithm {
    ED25519("Ed25519", "Ed25519"),
    SM2("SM3withSM2", "EC");

    final String signature;
    final String keyFactory;

    Algorithm(String signature, String keyFactory) {
      this.signature = signature;
      this.keyFactory = keyFactory;
    }

    /** The name the offline verifier and the export use. */
    public String label() {
      return this == ED25519 ? "Ed25519" : "SM2";
    }

    public static Algorithm of(String name) {
      return switch (name.strip().toUpperCase(java.util.Locale.ROOT)) {
        case "ED25519" -> ED25519;
        case "SM2", "SM3WITHSM2" -> SM2;
        default ->
            throw new IllegalArgumentException(
                "Unknown signature algorithm (Ed25519 or SM2): " + name);
      };
    }
  }

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final Algorithm algorithm;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private SigningKey(Algorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
    this.algorithm = algorithm;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A key read from a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), as openssl writes it. */
  public static SigningKey fromPem(Algorithm algorithm, String pem) {
    try {
      byte[] der = Pem.decode(pem, "PRIVATE KEY");
      KeyFactory factory = factory(algorithm);
      PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      return new SigningKey(algorithm, priv, publicOf(algorithm, priv));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The signing key is not a PKCS#8 " + algorithm.label() + " private key", e);
    }
  }

  /**
   * The well-known key of demonstrations and tests, derived from a fixed seed: anyone can forge its
   * signatures, so production refuses it (the caller checks the profile).
   */
  public static SigningKey demo(Algorithm algorithm) {
    try {
      if (algorithm == Algorithm.ED25519) {
        byte[] seed =
            MessageDigest.getInstance("SHA-256")
                .digest("qunbei-demo-signing-key".getBytes(StandardCharsets.UTF_8));
        PrivateKey priv =
            KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        return new SigningKey(algorithm, priv, publicOf(algorithm, priv));
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      java.security.SecureRandom fixed = java.security.SecureRandom.getInstance("SHA1PRNG");
      fixed.setSeed("qunbei-demo-signing-key".getBytes(StandardCharsets.UTF_8));
      generator.initialize(new ECGenParameterSpec("sm2p256v1"), fixed);
      KeyPair pair = generator.generateKeyPair();
      return new SigningKey(algorithm, pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] sign(byte[] message) {
    try {
      Signature s = signature(algorithm);
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks a signature made by this key (or by any key whose public half is given). */
  public static boolean verify(
      Algorithm algorithm, byte[] publicKeyDer, byte[] message, byte[] signature) {
    try {
      PublicKey key = factory(algorithm).generatePublic(new X509EncodedKeySpec(publicKeyDer));
      Signature s = signature(algorithm);
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public Algorithm algorithm() {
    return algorithm;
  }

  /** The public half as X.509 SubjectPublicKeyInfo DER: what the auditor pins. */
  public byte[] publicKeyDer() {
    return publicKey.getEncoded();
  }

  public String publicKeyPem() {
    return Pem.encode(publicKeyDer(), "PUBLIC KEY");
  }

  /** The first 16 hex digits of the public key's SHA-256: short enough to read over the phone. */
  public String keyId() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKeyDer());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyFactory factory(Algorithm algorithm) throws GeneralSecurityException {
    return algorithm == Algorithm.SM2
        ? KeyFactory.getInstance(algorithm.keyFactory, BC)
        : KeyFactory.getInstance(algorithm.keyFactory);
  }

  private static Signature signature(Algorithm algorithm) throws GeneralSecurityException {
    return algorithm == Algorithm.SM2
        ? Signature.getInstance(algorithm.signature, BC)
        : Signature.getInstance(algorithm.signature);
  }

  private static PublicKey publicOf(Algorithm algorithm, PrivateKey priv)
      throws GeneralSecurityException {
    if (algorithm == Algorithm.ED25519) {
      // The JDK derives the public point only inside a key pair generator seeded with the key.
      byte[] seed = ((java.security.interfaces.EdECPrivateKey) priv).getBytes().orElseThrow();
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
      return g.generateKeyPair().getPublic();
    }
    var ec = (org.bouncycastle.jce.interfaces.ECPrivateKey) priv;
    var spec = ec.getParameters();
    var q = spec.getG().multiply(ec.getD()).normalize();
    return factory(algorithm)
        .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(q, spec));
  }

  /** Hands the key pair generator the stored seed instead of fresh randomness. */
  private static final class FixedSeed extends java.security.SecureRandom {
    private final byte[] seed;

    FixedSeed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
    }
  }

  /** PEM armour: base64 between BEGIN and END lines. */
  static final class Pem {
    private Pem() {}

    static byte[] decode(String pem, String label) {
      String body =
          pem.replace("-----BEGIN " + label + "-----", "")
              .replace("-----END " + label + "-----", "")
              .replaceAll("\\s", "");
      return Base64.getDecoder().decode(body);
    }

    static String encode(byte[] der, String label) {
      return "-----BEGIN "
          + label
          + "-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
          + "\n-----END "
          + label
          + "-----\n";
    }
  }
}
