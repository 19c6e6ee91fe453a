package org.qunbei.shared.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The authenticated ciphers a key may be used with: both GCM with a 96-bit nonce and a 128-bit tag,
 * so a stored value has the same shape whichever a school chose.
 */
public enum CryptoAlgorithm {

  /** The JDK's AES in GCM mode: the default. */
  AES_GCM("AES-GCM") {
    @Override
    byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
        throws GeneralSecurityException {
      Cipher cipher = AES.get();
      cipher.init(
          encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    }

    @Override
    boolean fits(int keyBytes) {
      return keyBytes == 16 || keyBytes == 24 || keyBytes == 32;
    }
  },

  /** SM4 (GB/T 32907) in GCM mode through BouncyCastle, for schools assessed under 密评. */
  SM4_GCM("SM4-GCM") {
    @Override
    byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
        throws GeneralSecurityException {
      var gcm = GCMBlockCipher.newInstance(new SM4Engine());
      gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
      byte[] out = new byte[gcm.getOutputSize(input.length)];
      int n = gcm.processBytes(input, 0, input.length, out, 0);
      try {
        gcm.doFinal(out, n);
      } catch (InvalidCipherTextException e) {
        throw new javax.crypto.AEADBadTagException(e.getMessage());
      }
      return out;
    }

    @Override
    boolean fits(int keyBytes) {
      return keyBytes == 16;
    }
  };

  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;

  private final String configName;

  CryptoAlgorithm(String configName) {
    this.configName = configName;
  }

  /** The name in configuration ({@code AES-GCM}, {@code SM4-GCM}). */
  public String configName() {
    return configName;
  }

  /** The algorithm a configuration names, case and {@code -}/{@code _} aside. */
  public static CryptoAlgorithm named(String name) {
    String wanted = name.strip().replace('_', '-');
    for (CryptoAlgorithm a : values()) {
      if (a.configName.equalsIgnoreCase(wanted)) {
        return a;
      }
    }
    throw new IllegalStateException(
        "qunbei.crypto.algorithm: unknown algorithm '" + name + "' (AES-GCM or SM4-GCM)");
  }

  abstract byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
      throws GeneralSecurityException;

  abstract boolean fits(int keyBytes);

  /**
   * One AES cipher per thread, initialised afresh for every value. A new cipher per value expanded
   * the key anew each time and parsed its transformation: an export of 10^5 filings decrypts 4×10^5
   * mobiles, and that was a tenth of its time. A cipher object keeps the last key's schedule.
   */
  private static final ThreadLocal<Cipher> AES =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("this JDK has no AES-GCM", e);
            }
          });
}
