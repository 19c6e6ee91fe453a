package org.qunbei;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QunbeiApplication {

  public static void main(String[] args) {
    SpringApplication.run(QunbeiApplication.class, args);
  }
}
