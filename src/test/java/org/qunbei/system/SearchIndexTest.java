package org.qunbei.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terms a search asks the index for. */
class SearchIndexTest {

  static List<String> split(String terms) {
    return List.of(terms.split(String.valueOf(SearchTermsFunction.SEPARATOR)));
  }

  @Test
  void aTwoCharacterTermIsItsOneBigramAndOneCharacterItsUnigram() {
    assertThat(split(SearchIndex.termsOf("教学"))).containsExactly("教学");
    assertThat(split(SearchIndex.termsOf("群"))).containsExactly("群");
    assertThat(split(SearchIndex.termsOf("学生资助"))).containsExactly("学生", "生资", "资助");
  }

  @Test
  void aFilingNumberLeavesOutTheBigramsEveryNumberHas() {
    assertThat(split(SearchIndex.termsOf("qb-2025-126831", "QB-20")))
        .doesNotContain("qb", "b-", "-2", "20")
        .containsExactly("02", "25", "5-", "-1", "12", "26", "68", "83", "31");
    assertThat(split(SearchIndex.termsOf("qb-20", "QB-20")))
        .as("nothing else to ask for: all of them stay")
        .containsExactly("qb", "b-", "-2", "20");
    assertThat(split(SearchIndex.termsOf("教学", "QB-20"))).containsExactly("教学");
  }
}
