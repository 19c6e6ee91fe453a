package org.qunbei.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qunbei.support.Api;
import org.qunbei.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Where a school switches HTTP Basic on, each call costs a password hash, so an address gets a
 * budget a minute; beyond it a 429 says to wait, while a personal access token goes on working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BasicRateIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabases.register("h2", registry);
    registry.add("qunbei.security.basic-per-minute", () -> "6");
  }

  @Test
  void beyondItsBudgetAnAddressWaitsAMinuteAndATokenGoesOn() throws Exception {
    // The budget is per clock minute: wait out a minute that is about to turn.
    while (System.currentTimeMillis() % 60_000 > 50_000) {
      Thread.sleep(1_000);
    }
    String token =
        Api.as(port, "applicant")
            .post("/api/me/tokens", "{\"name\":\"脚本\",\"days\":\"7\"}")
            .json()
            .path("token")
            .asString();
    Api.Reply last = null;
    int ok = 1; // the token's creation was one Basic call
    for (int i = 0; i < 8; i++) {
      last = Api.as(port, "applicant").get("/api/filings");
      if (last.status() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(6);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isEqualTo("60");
    assertThat(last.json().path("detail").asString()).contains("访问令牌");
    assertThat(Api.bearer(port, token).get("/api/filings").status()).isEqualTo(200);
  }
}
