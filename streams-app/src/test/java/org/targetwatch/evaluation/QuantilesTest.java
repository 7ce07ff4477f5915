package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantilesTest {

  @Test
  void theMedianOfAnOddSampleIsItsMiddleValue() {
    assertThat(Quantiles.median(List.of(5, 1, 3))).isEqualTo(3.0);
  }

  @Test
  void theMedianOfAnEvenSampleIsTheMeanOfItsTwoMiddleValues() {
    assertThat(Quantiles.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
  }

  @Test
  void theNinetiethPercentileIsTheNearestRankSoAlwaysAValueThatOccurred() {
    assertThat(Quantiles.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).isEqualTo(9.0);
    assertThat(Quantiles.percentile(List.of(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11), 0.9)).isEqualTo(10.0);
    assertThat(Quantiles.percentile(List.of(3, 5), 0.9)).isEqualTo(5.0);
    assertThat(Quantiles.percentile(List.of(7), 0.9)).isEqualTo(7.0);
  }

  @Test
  void quartilesOfOneToEightAreTwoFourAndAHalfAndSix() {
    assertThat(Quantiles.quartiles(List.of(8, 7, 6, 5, 4, 3, 2, 1))).containsExactly(2.0, 4.5, 6.0);
  }

  @Test
  void anEmptySampleHasNoMedianAndNoPercentile() {
    assertThat(Quantiles.median(List.of())).isNaN();
    assertThat(Quantiles.percentile(List.of(), 0.9)).isNaN();
  }

  @Test
  void aPercentileOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> Quantiles.percentile(List.of(1), 90)).hasMessageContaining("90");
  }
}
