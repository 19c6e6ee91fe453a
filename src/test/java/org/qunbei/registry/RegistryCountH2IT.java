package org.qunbei.registry;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryCountH2IT extends RegistryCountContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    register("h2", registry);
  }
}
