package org.qunbei.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BadgesTest {

  private final Badges badges = new Badges(99);

  @Test
  void noneShowsNoBadgeThenTheCountThenTheLimitWithAPlus() {
    var page = new MockHttpServletRequest("GET", "/tasks");
    assertThat(badges.figure(page, limit -> 0)).isNull();
    assertThat(badges.figure(page, limit -> 1)).isEqualTo("1");
    assertThat(badges.figure(page, limit -> 99)).isEqualTo("99");
    assertThat(badges.figure(page, limit -> 100)).isEqualTo("99+");
  }

  @Test
  void countsOneMoreThanItShowsSoThatTheLimitAndMoreDiffer() {
    var asked = new AtomicInteger();
    badges.figure(
        new MockHttpServletRequest("GET", "/registry"),
        limit -> {
          asked.set(limit);
          return 0;
        });
    assertThat(asked).hasValue(100);
  }

  @Test
  void aJsonAnswerHasNoHeaderSoNothingIsCounted() {
    var api = new MockHttpServletRequest("GET", "/qunbei/api/tasks");
    api.setContextPath("/qunbei");
    assertThat(
            badges.figure(
                api,
                limit -> {
                  throw new AssertionError("counted for an API call");
                }))
        .isNull();
  }

  @Test
  void aLimitBelowOneIsRefusedAtStart() {
    assertThatThrownBy(() -> new Badges(0)).hasMessageContaining("qunbei.badges.up-to");
  }
}
