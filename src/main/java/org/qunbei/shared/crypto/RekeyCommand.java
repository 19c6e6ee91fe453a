package org.qunbei.shared.crypto;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar qunbei.jar --qunbei.crypto.rekey=true}: re-encrypts every stored value under the
 * current key, then stops the application (docs/operations.md). A failure stops it too, with the
 * error, and a non-zero exit status.
 */
@Component
@ConditionalOnBooleanProperty("qunbei.crypto.rekey")
class RekeyCommand implements ApplicationRunner {

  private final Rekeying rekeying;
  private final ConfigurableApplicationContext context;

  RekeyCommand(Rekeying rekeying, ConfigurableApplicationContext context) {
    this.rekeying = rekeying;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    rekeying.rekey();
    SpringApplication.exit(context, () -> 0);
  }
}
