package org.qunbei.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SystemConfig {

  /** Statement and read timeouts on the pool's connections (static: a bean post-processor). */
  @Bean
  static DatabaseTimeouts databaseTimeouts(org.springframework.core.env.Environment environment) {
    return new DatabaseTimeouts(environment);
  }

  /** The school's clock: dates on the form (today, deadlines) are Beijing dates. */
  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of("Asia/Shanghai"));
  }
}
