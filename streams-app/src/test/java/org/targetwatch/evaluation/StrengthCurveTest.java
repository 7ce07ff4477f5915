package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binning accounts by tactic strength. */
class StrengthCurveTest {

  private static StrengthCurve.Observation at(double strength, boolean detected) {
    return new StrengthCurve.Observation(strength, detected);
  }

  @Test
  void fiveEqualWidthBinsCountTheirAccountsAndDetectionsAndTheLargestValueFallsInTheLastBin() {
    List<StrengthCurve.Observation> points = List.of(
        at(0.0, false), at(0.1, false), // bin 0: [0.0, 0.2)
        at(0.2, true),                  // bin 1: [0.2, 0.4) - the lower edge belongs to the bin
        at(0.5, true), at(0.55, false), // bin 2: [0.4, 0.6)
                                        // bin 3: [0.6, 0.8) empty
        at(0.9, true), at(1.0, true));  // bin 4: [0.8, 1.0], the maximum included

    StrengthCurve curve = StrengthCurve.of("offenders", "degreePickedShare", "detected", points, 5);

    assertThat(curve.bins()).extracting(StrengthCurve.Bin::accounts).containsExactly(2, 1, 2, 0, 2);
    assertThat(curve.bins()).extracting(StrengthCurve.Bin::counted).containsExactly(0, 1, 1, 0, 2);
    assertThat(curve.bins().get(2).share()).isEqualTo(0.5);
    assertThat(curve.bins().get(3).share()).as("an empty bin has no rate").isNaN();
    assertThat(curve.bins().get(0).from()).isEqualTo(0.0);
    assertThat(curve.bins().get(1).from()).isCloseTo(0.2, within(1e-12));
    assertThat(curve.bins().get(4).to()).isEqualTo(1.0);
    assertThat(curve.accounts()).isEqualTo(points.size());
  }

  @Test
  void everyAccountLandsInExactlyOneBinWhateverTheRange() {
    List<StrengthCurve.Observation> points = new ArrayList<>();
    for (int i = 0; i < 97; i++) {
      points.add(at(3 + i * 0.37, i % 3 == 0));
    }

    StrengthCurve curve = StrengthCurve.of("benign.teacher", "intensity", "alerted", points, 5);

    assertThat(curve.bins()).hasSize(5);
    assertThat(curve.accounts()).isEqualTo(97);
    assertThat(curve.bins().stream().mapToInt(StrengthCurve.Bin::counted).sum()).isEqualTo(33);
  }

  @Test
  void equalStrengthsMakeOneBin() {
    StrengthCurve curve = StrengthCurve.of("offenders", "ringOverlap", "detected",
        List.of(at(0.3, true), at(0.3, false), at(0.3, true)), 5);

    assertThat(curve.bins()).hasSize(1);
    assertThat(curve.bins().get(0).accounts()).isEqualTo(3);
    assertThat(curve.bins().get(0).counted()).isEqualTo(2);
  }

  @Test
  void noAccountsMakeAnEmptyCurve() {
    assertThat(StrengthCurve.of("offenders", "acceptanceRate", "detected", List.of(), 5).isEmpty()).isTrue();
  }
}
