package org.qunbei.shared.crypto;

import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Encryption at rest on H2, with the default algorithm (AES-GCM) and the demo key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EncryptionAtRestH2IT extends EncryptionAtRestContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }

  @Override
  String keys() {
    return "1:" + java.util.Base64.getEncoder().encodeToString(KeyedFieldEncryption.DEMO_AES);
  }

  @Override
  KeyedFieldEncryption configured() {
    return new KeyedFieldEncryption(CryptoAlgorithm.AES_GCM, "", null, false);
  }
}
