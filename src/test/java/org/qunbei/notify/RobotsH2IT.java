package org.qunbei.notify;

import org.qunbei.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Group robots and their outbox on H2. */
class RobotsH2IT extends RobotsContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
  }
}
