package org.qunbei.lifecycle;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sweeps run on one node at a time, whatever the number of nodes: ShedLock holds a row of the
 * {@code shedlock} table (V15) while a node sweeps, timed by the database's clock so that the
 * nodes' clocks need not agree.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@EnableConfigurationProperties(LifecycleConfig.Settings.class)
class LifecycleConfig {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }

  /**
   * @param stalledWorkingDays a step waiting longer than this is an alert for its deciders
   * @param sweepCron when the sweeps run (school time), by default each morning at 7:30
   */
  @ConfigurationProperties("qunbei.lifecycle")
  record Settings(Integer stalledWorkingDays, String sweepCron) {
    Settings {
      stalledWorkingDays = stalledWorkingDays == null ? 3 : stalledWorkingDays;
      sweepCron = sweepCron == null ? "0 30 7 * * *" : sweepCron;
    }
  }
}
