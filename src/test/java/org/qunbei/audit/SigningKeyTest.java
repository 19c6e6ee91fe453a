package org.qunbei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qunbei.shared.crypto.SigningKey;
import org.qunbei.shared.crypto.SigningKey.Algorithm;
import org.qunbei.support.OfflineVerifier;

/**
 * The checkpoint key in both algorithms a school may choose: a key file as openssl writes it signs,
 * and the offline command verifies an SM2-signed export with BouncyCastle on its class path.
 */
class SigningKeyTest {

  @TempDir Path dir;

  private static String pkcs8(java.security.PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void anEd25519KeyFileSignsAndOnlyItsPublicHalfVerifies() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    SigningKey key = SigningKey.fromPem(Algorithm.ED25519, pkcs8(pair.getPrivate()));
    assertThat(key.publicKeyDer()).isEqualTo(pair.getPublic().getEncoded());
    byte[] msg = "qunbei".getBytes(StandardCharsets.UTF_8);
    byte[] sig = key.sign(msg);
    assertThat(SigningKey.verify(Algorithm.ED25519, key.publicKeyDer(), msg, sig)).isTrue();
    assertThat(SigningKey.verify(Algorithm.ED25519, key.publicKeyDer(), "qunbeI".getBytes(), sig))
        .isFalse();
    byte[] demo = SigningKey.demo(Algorithm.ED25519).publicKeyDer();
    assertThat(SigningKey.verify(Algorithm.ED25519, demo, msg, sig)).isFalse();
    assertThat(SigningKey.demo(Algorithm.ED25519).keyId())
        .as("the demo key is the same on every start")
        .isEqualTo(SigningKey.demo(Algorithm.ED25519).keyId());
  }

  @Test
  void aBrokenKeyFileIsRefusedWithItsAlgorithmNamed() {
    assertThatThrownBy(() -> SigningKey.fromPem(Algorithm.SM2, "-----BEGIN PRIVATE KEY-----\nAAAA"))
        .hasMessageContaining("SM2");
    assertThatThrownBy(() -> Algorithm.of("RSA")).hasMessageContaining("Ed25519 or SM2");
  }

  @Test
  void anSm2SignedExportVerifiesOfflineWithBouncyCastleOnTheClassPath() throws Exception {
    var generator =
        KeyPairGenerator.getInstance(
            "EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    generator.initialize(new ECGenParameterSpec("sm2p256v1"));
    SigningKey key =
        SigningKey.fromPem(Algorithm.SM2, pkcs8(generator.generateKeyPair().getPrivate()));

    // A chain of two events, checkpointed at the second: the format the application exports.
    String h1 = "a".repeat(64);
    String h2 = "b".repeat(64);
    AuditCheckpoint c = new AuditCheckpoint(2, h2, Instant.parse("2026-12-05T08:00:00Z"), key);
    String export =
        String.join(
            "\n",
            "qunbei-audit-export 1",
            "algorithm SM2",
            "key " + Base64.getEncoder().encodeToString(key.publicKeyDer()),
            "keyid " + key.keyId(),
            "exported 2026-12-05T09:00:00Z",
            "first 1 genesis",
            "head 2 " + h2,
            String.join(
                " ",
                "checkpoint",
                "2",
                h2,
                c.madeAt().toString(),
                c.algorithm(),
                c.keyId(),
                c.signature()),
            "event 1 genesis " + h1,
            "event 2 " + h1 + " " + h2,
            "end 2",
            "");
    Path file = dir.resolve("sm2.txt");
    Files.writeString(file, export);
    Path pem = dir.resolve("sm2.pem");
    Files.writeString(pem, key.publicKeyPem());
    String bc =
        Path.of(
                org.bouncycastle.jce.provider.BouncyCastleProvider.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .toString();
    var ok = OfflineVerifier.run(bc, pem, file);
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("INTACT").contains("SM2");

    Files.writeString(file, export.replace("event 2 " + h1 + " " + h2, "event 2 " + h2 + " " + h2));
    var broken = OfflineVerifier.run(bc, pem, file);
    assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
    assertThat(broken.output()).contains("inserted or reordered");
  }
}
