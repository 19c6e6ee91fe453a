package org.qunbei.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qunbei.shared.crypto.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The key that signs the chain's checkpoints, read from a PKCS#8 PEM file outside the database
 * ({@code qunbei.audit.checkpoint.key-file}). Without one, outside production, a well-known demo
 * key signs (and says so in the log); production refuses to start without a file.
 */
@Component
class CheckpointKey {

  private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

  private final SigningKey key;

  CheckpointKey(
      @Value("${qunbei.audit.checkpoint.algorithm:Ed25519}") String algorithm,
      @Value("${qunbei.audit.checkpoint.key-file:}") String keyFile,
      Environment env) {
    SigningKey.Algorithm alg = SigningKey.Algorithm.of(algorithm);
    if (keyFile.isBlank()) {
      if (env.acceptsProfiles(Profiles.of("prod"))) {
        throw new IllegalStateException(
            "Refusing to start: set qunbei.audit.checkpoint.key-file"
                + " (QUNBEI_AUDIT_CHECKPOINT_KEY_FILE) to the PKCS#8 PEM file of the key that signs"
                + " the audit checkpoints");
      }
      log.warn(
          "Audit checkpoints are signed with the demo key: set qunbei.audit.checkpoint.key-file");
      this.key = SigningKey.demo(alg);
    } else {
      try {
        this.key =
            SigningKey.fromPem(alg, Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the audit checkpoint key " + keyFile, e);
      }
    }
  }

  SigningKey key() {
    return key;
  }
}
