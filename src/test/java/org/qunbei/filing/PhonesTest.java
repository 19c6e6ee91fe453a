package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

  @Test
  void masksKeepEnoughToTellNumbersApartAndNothingMore() {
    assertThat(Phones.mask("13801010001")).isEqualTo("138****0001");
    assertThat(Phones.mask(" 13901010003 ")).isEqualTo("139****0003");
    assertThat(Phones.mask("010-62780001")).isEqualTo("010****0001");
    assertThat(Phones.mask("62780001")).isEqualTo("****0001");
    assertThat(Phones.mask("1234")).isEqualTo("****");
    assertThat(Phones.mask(null)).isNull();
    assertThat(Phones.mask("")).isEmpty();
  }
}
