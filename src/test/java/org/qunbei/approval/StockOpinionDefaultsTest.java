package org.qunbei.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qunbei.accounts.Role;

/** The school's stock opinions refuse to start with what no decision form could use. */
class StockOpinionDefaultsTest {

  static final ApprovalChain CHAIN =
      new ApprovalChain(
          List.of(
              new ChainStep("DEPARTMENT", "所属部门意见", DeciderKind.DEPARTMENT_HEAD, null, null, true)),
          List.of(
              new ChainStep(
                  "DISSOLUTION_RECORD",
                  "登记",
                  DeciderKind.ROLE,
                  Role.CYBERSPACE_OFFICE,
                  null,
                  false)));

  @Test
  void aStepsDefaultsAreItsOwnInTheirOrder() {
    var d = new StockOpinionDefaults(Map.of("DEPARTMENT", List.of("同意备案", "情况属实，同意")));
    d.check(CHAIN);
    assertThat(d.of("DEPARTMENT")).containsExactly("同意备案", "情况属实，同意");
    assertThat(d.of("DISSOLUTION_RECORD")).isEmpty();
    assertThat(new StockOpinionDefaults(null).of("DEPARTMENT")).isEmpty();
  }

  @Test
  void anUnknownStepABlankOrATooLongOpinionStopsTheStart() {
    assertThatThrownBy(() -> new StockOpinionDefaults(Map.of("LEADER", List.of("同意"))).check(CHAIN))
        .hasMessageContaining("LEADER");
    assertThatThrownBy(
            () -> new StockOpinionDefaults(Map.of("DEPARTMENT", List.of(" "))).check(CHAIN))
        .hasMessageContaining("blank or too long");
    assertThatThrownBy(
            () ->
                new StockOpinionDefaults(
                        Map.of("DEPARTMENT", List.of("意".repeat(DecisionRequest.MAX_OPINION + 1))))
                    .check(CHAIN))
        .hasMessageContaining("blank or too long");
  }
}
