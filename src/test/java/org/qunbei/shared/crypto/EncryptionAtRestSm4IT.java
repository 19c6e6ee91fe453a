package org.qunbei.shared.crypto;

import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Encryption at rest with SM4-GCM, as a school assessed under 密评 configures it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EncryptionAtRestSm4IT extends EncryptionAtRestContract {

  static final String KEYS = "3:" + KeyedFieldEncryptionTest.S1;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    registry.add("qunbei.crypto.algorithm", () -> "SM4-GCM");
    registry.add("qunbei.crypto.keys", () -> KEYS);
  }

  @Override
  String keys() {
    return KEYS;
  }

  @Override
  KeyedFieldEncryption configured() {
    return new KeyedFieldEncryption(CryptoAlgorithm.SM4_GCM, KEYS, null, false);
  }
}
