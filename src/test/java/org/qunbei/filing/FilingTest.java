package org.qunbei.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qunbei.shared.StateConflictException;

/** The aggregate guards its own state. */
class FilingTest {

  static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void aDraftIsRevisedFreelyAndTakesItsNumberAtSubmission() {
    Filing f = Filing.draft(FilingRulesTest.valid(), "applicant", NOW);
    assertThat(f.status()).isEqualTo(FilingStatus.DRAFT);
    assertThat(f.needsNumber()).isTrue();
    f.revise(FilingRulesTest.with(e -> e.groupName = "改名后的群"), NOW.plusSeconds(60));
    assertThat(f.groupName()).isEqualTo("改名后的群");
    assertThat(f.updatedAt()).isEqualTo(NOW.plusSeconds(60));

    f.submit("QB-2026-00007", "DEPARTMENT", null, TODAY, NOW.plusSeconds(120));
    assertThat(f.status()).isEqualTo(FilingStatus.IN_REVIEW);
    assertThat(f.currentStep()).isEqualTo("DEPARTMENT");
    assertThat(f.round()).isEqualTo(1);
    assertThat(f.number()).isEqualTo("QB-2026-00007");
    assertThat(f.filledOn()).isEqualTo(TODAY);
    assertThat(f.needsNumber()).isFalse();
  }

  @Test
  void aFilingInReviewRefusesEditsAndASecondSubmission() {
    Filing f = Filing.draft(FilingRulesTest.valid(), "applicant", NOW);
    f.submit("QB-2026-00008", "DEPARTMENT", null, TODAY, NOW);
    assertThatThrownBy(() -> f.revise(FilingRulesTest.valid(), NOW))
        .isInstanceOf(StateConflictException.class)
        .hasMessage("filing.notEditable");
    assertThatThrownBy(() -> f.submit("QB-2026-00009", "DEPARTMENT", null, TODAY, NOW))
        .isInstanceOf(StateConflictException.class);
    assertThat(f.number()).isEqualTo("QB-2026-00008");
  }

  @Test
  void theContentComesBackAsItWentIn() {
    FilingContent c = FilingRulesTest.valid();
    assertThat(Filing.draft(c, "applicant", NOW).content()).isEqualTo(c);
  }
}
