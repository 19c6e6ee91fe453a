package org.qunbei.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The provider: both algorithms round-trip, and nothing altered or unknown reads. */
class KeyedFieldEncryptionTest {

  static final String K1 =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  static final String K2 =
      Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
  static final String S1 = Base64.getEncoder().encodeToString("sm4-key-16-bytes".getBytes());

  static KeyedFieldEncryption aes(String keys, Integer current) {
    return new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, keys, current, false);
  }

  @Test
  void aesRoundTripsUnderTheCurrentKeyWithAFreshNonceEachTime() {
    var e = aes("1:" + K1 + ",2:" + K2, null);
    String a = e.encrypt("13801010001");
    String b = e.encrypt("13801010001");
    assertThat(a).startsWith("v2:").doesNotContain("13801010001").isNotEqualTo(b);
    assertThat(e.decrypt(a)).isEqualTo("13801010001");
    assertThat(e.decrypt(b)).isEqualTo("13801010001");
    assertThat(e.isCurrent(a)).isTrue();
    assertThat(e.encrypt(null)).isNull();
    assertThat(e.decrypt(null)).isNull();
    assertThat(e.encrypt("")).startsWith("v2:");
    assertThat(e.decrypt(e.encrypt(""))).isEmpty();
  }

  @Test
  void sm4RoundTripsAndAKeyMayNameItsOwnAlgorithm() {
    var e = new KeyedFieldEncryption(CryptoAlgorithm.SM4_GCM, "1:" + S1, null, false);
    String s = e.encrypt("13901010003");
    assertThat(s).startsWith("v1:");
    assertThat(e.decrypt(s)).isEqualTo("13901010003");

    // From AES to SM4 by re-keying: key 1 stays AES, key 2 is SM4.
    var mixed = aes("1:" + K1 + ",2:SM4-GCM:" + S1, null);
    String old = aes("1:" + K1, null).encrypt("13701010004");
    assertThat(mixed.decrypt(old)).isEqualTo("13701010004");
    assertThat(mixed.isCurrent(old)).isFalse();
    String now = mixed.encrypt("13701010004");
    assertThat(now).startsWith("v2:");
    assertThat(mixed.decrypt(now)).isEqualTo("13701010004");
  }

  @Test
  void aValueStoredBeforeEncryptionReadsAsItIs() {
    var e = aes("1:" + K1, null);
    assertThat(e.decrypt("13801010001")).isEqualTo("13801010001");
    assertThat(e.decrypt("JBSWY3DPEHPK3PXP")).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThat(e.isCurrent("13801010001")).isFalse();
    // Near misses of the sealed shape "v{1-9 digits}:{Base64}" are plain text too.
    for (String plain :
        new String[] {
          "v:AAAA", "v1234567890:AAAA", "vx:AAAA", "x1:AAAA", "v1:AA AA", "v1:办公室", "v1"
        }) {
      assertThat(e.decrypt(plain)).as(plain).isEqualTo(plain);
    }
    assertThatThrownBy(() -> e.decrypt("v123456789:")).isInstanceOf(FieldDecryptionException.class);
  }

  @Test
  void anAlteredValueIsRefused() {
    var e = aes("1:" + K1, null);
    String s = e.encrypt("13801010001");
    byte[] raw = Base64.getDecoder().decode(s.substring(3));
    raw[raw.length - 20] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> e.decrypt(tampered))
        .isInstanceOf(FieldDecryptionException.class)
        .hasMessageContaining("fails its authentication");
    assertThatThrownBy(() -> e.decrypt("v1:AAAA")).isInstanceOf(FieldDecryptionException.class);

    var sm4 = new KeyedFieldEncryption(CryptoAlgorithm.SM4_GCM, "1:" + S1, null, false);
    String t = sm4.encrypt("13801010001");
    String cut = t.substring(0, t.length() - 4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertThatThrownBy(() -> sm4.decrypt(cut)).isInstanceOf(FieldDecryptionException.class);
  }

  @Test
  void aValueRelabelledToAnotherVersionIsRefused() {
    // Both versions hold the same key: only the authenticated label tells them apart.
    var e = aes("1:" + K1 + ",2:" + K1, 1);
    String s = e.encrypt("13801010001");
    assertThatThrownBy(() -> e.decrypt("v2:" + s.substring(3)))
        .isInstanceOf(FieldDecryptionException.class);
  }

  @Test
  void anUnknownKeyVersionIsNamedClearly() {
    String underTwo = aes("2:" + K2, null).encrypt("13801010001");
    assertThatThrownBy(() -> aes("1:" + K1, null).decrypt(underTwo))
        .isInstanceOf(FieldDecryptionException.class)
        .hasMessageContaining("key version 2")
        .hasMessageContaining("qunbei.crypto.keys");
  }

  @Test
  void badConfigurationIsNamed() {
    assertThatThrownBy(() -> aes("1:" + K1, 3)).hasMessageContaining("qunbei.crypto.current-key");
    assertThatThrownBy(() -> aes("1:" + K1 + ",1:" + K2, null)).hasMessageContaining("twice");
    assertThatThrownBy(() -> aes("one:" + K1, null)).hasMessageContaining("not a key version");
    assertThatThrownBy(() -> aes("1:%%%", null)).hasMessageContaining("not base64");
    assertThatThrownBy(
            () -> new KeyedFieldEncryption(CryptoAlgorithm.SM4_GCM, "1:" + K1, null, false))
        .hasMessageContaining("SM4-GCM");
    assertThatThrownBy(() -> CryptoAlgorithm.named("DES"))
        .hasMessageContaining("qunbei.crypto.algorithm");
    assertThat(CryptoAlgorithm.named("sm4_gcm")).isEqualTo(CryptoAlgorithm.SM4_GCM);
  }

  @Test
  void productionRefusesAMissingOrDemoKeyAndTheDemoKeyServesElsewhere() {
    assertThatThrownBy(() -> new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, "", null, true))
        .hasMessageContaining("Refusing to start");
    String demo = "1:" + Base64.getEncoder().encodeToString(KeyedFieldEncryption.DEMO_AES);
    assertThatThrownBy(() -> new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, demo, null, true))
        .hasMessageContaining("demo key");
    var dev = new KeyedFieldEncryption(CryptoAlgorithm.SM4_GCM, "", null, false);
    assertThat(dev.decrypt(dev.encrypt("13801010001"))).isEqualTo("13801010001");
    assertThat(
            new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, "1:" + K1, null, true)
                .currentVersion())
        .isEqualTo(1);
  }
}
