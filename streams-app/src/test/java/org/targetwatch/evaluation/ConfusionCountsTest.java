package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

  @Test
  void threeOffendersTwoCaughtAndOneOfFiveBenignAlertedGiveTwoThirdsEverywhere() {
    ConfusionCounts c = ConfusionCounts.none()
        .plus(true, true).plus(true, true).plus(true, false)
        .plus(false, true).plus(false, false).plus(false, false).plus(false, false).plus(false, false);

    assertThat(c).isEqualTo(new ConfusionCounts(2, 1, 1, 4));
    assertThat(c.precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(c.recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(c.f1()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void f1IsTheHarmonicMeanWhenPrecisionAndRecallDiffer() {
    ConfusionCounts c = new ConfusionCounts(3, 1, 0, 4);

    assertThat(c.precision()).isEqualTo(0.75);
    assertThat(c.recall()).isEqualTo(1.0);
    assertThat(c.f1()).isCloseTo(6 / 7.0, within(1e-12));
  }

  @Test
  void precisionIsUndefinedRatherThanPerfectWhenNothingWasAlerted() {
    ConfusionCounts c = new ConfusionCounts(0, 0, 3, 5);

    assertThat(c.precision()).isNaN();
    assertThat(c.recall()).isZero();
    assertThat(c.f1()).isNaN();
  }

  @Test
  void alertingOnlyBenignAccountsGivesZeroNotUndefined() {
    ConfusionCounts c = new ConfusionCounts(0, 2, 3, 5);

    assertThat(c.precision()).isZero();
    assertThat(c.f1()).isZero();
  }

  @Test
  void aNegativeCountIsRefusedWithTheCounts() {
    assertThatThrownBy(() -> new ConfusionCounts(1, -1, 0, 0)).hasMessageContaining("1/-1/0/0");
  }
}
