package org.qunbei.notify;

import org.qunbei.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Group robots and their outbox on PostgreSQL. */
class RobotsPostgresIT extends RobotsContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("postgresql", registry);
  }
}
