package org.qunbei.notify;

import java.util.List;
import org.qunbei.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The robots' signing secrets are encrypted at rest: re-keying must find them. */
@Configuration(proxyBeanMethods = false)
class EncryptedRobotSecrets {

  @Bean
  EncryptedColumn robotSecrets() {
    return new EncryptedColumn("robot", "secret", List.of("id"));
  }
}
