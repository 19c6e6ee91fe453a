package org.qunbei.filing;

import java.util.List;
import org.qunbei.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The team's and the steward's mobiles are encrypted at rest: re-keying must find both. */
@Configuration(proxyBeanMethods = false)
class EncryptedMobiles {

  @Bean
  EncryptedColumn teamMobiles() {
    return new EncryptedColumn("filing_team_member", "mobile", List.of("filing_id", "position"));
  }

  @Bean
  EncryptedColumn stewardMobiles() {
    return new EncryptedColumn("filing", "steward_mobile", List.of("id"));
  }
}
