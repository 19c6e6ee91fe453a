package org.qunbei.accounts.internal;

import java.util.List;
import org.qunbei.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The second-factor secrets are encrypted at rest: re-keying must find them. */
@Configuration(proxyBeanMethods = false)
class EncryptedSecrets {

  @Bean
  EncryptedColumn totpSecrets() {
    return new EncryptedColumn("app_user", "totp_secret", List.of("id"));
  }
}
