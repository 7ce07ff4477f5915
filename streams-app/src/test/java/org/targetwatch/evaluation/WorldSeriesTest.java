package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of one figure over worlds, on known values. */
class WorldSeriesTest {

  @Test
  void meanMinMaxAndSampleStandardDeviationOfThreeWorlds() {
    WorldSeries recall = WorldSeries.higherIsBetter(List.of(0.8, 0.9, 1.0));

    assertThat(recall.mean()).isCloseTo(0.9, within(1e-12));
    assertThat(recall.min()).isEqualTo(0.8);
    assertThat(recall.max()).isEqualTo(1.0);
    // deviations -0.1, 0, 0.1: squares 0.02 over n - 1 = 2 -> 0.01 -> 0.1
    assertThat(recall.standardDeviation()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void theWorstWorldIsTheMinimumWhenHigherIsBetterAndTheMaximumOtherwise() {
    List<Double> values = List.of(0.97, 0.62, 0.88);

    assertThat(WorldSeries.higherIsBetter(values).worst()).isEqualTo(0.62);
    assertThat(WorldSeries.lowerIsBetter(values).worst()).isEqualTo(0.97);
  }

  @Test
  void aWorldWhereTheFigureIsUndefinedIsLeftOutAndCounted() {
    WorldSeries precision = WorldSeries.higherIsBetter(List.of(0.5, Double.NaN, 1.0));

    assertThat(precision.mean()).isEqualTo(0.75);
    assertThat(precision.worst()).isEqualTo(0.5);
    assertThat(precision.definedWorlds()).isEqualTo(2);
    assertThat(precision.undefinedWorlds()).isEqualTo(1);
  }

  @Test
  void oneWorldHasNoSpreadToSpeakOf() {
    WorldSeries single = WorldSeries.higherIsBetter(List.of(0.9));

    assertThat(single.mean()).isEqualTo(0.9);
    assertThat(single.worst()).isEqualTo(0.9);
    assertThat(single.standardDeviation()).isNaN();
  }

  @Test
  void noDefinedWorldGivesUndefinedFiguresRatherThanZero() {
    WorldSeries none = WorldSeries.higherIsBetter(List.of(Double.NaN, Double.NaN));

    assertThat(none.mean()).isNaN();
    assertThat(none.worst()).isNaN();
    assertThat(none.standardDeviation()).isNaN();
  }
}
