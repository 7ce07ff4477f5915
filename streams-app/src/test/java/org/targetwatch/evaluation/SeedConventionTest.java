package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The training and test seed ranges, as the reports name them. */
class SeedConventionTest {

  private static List<Long> seeds(long first, int count) {
    return LongStream.range(first, first + count).boxed().toList();
  }

  @Test
  void theDocumentedCommandsGiveTheTrainingAndTheTestWorlds() {
    assertThat(SeedConvention.worldSet(seeds(1000, 10))).isEqualTo("training");
    assertThat(SeedConvention.worldSet(seeds(2000, 20))).isEqualTo("test");
  }

  @Test
  void theTrainingAndTestRangesDoNotOverlap() {
    assertThat(seeds(1000, 10)).doesNotContainAnyElementsOf(seeds(2000, 20));
    assertThat(SeedConvention.worldSet(seeds(1000, 11))).as("seed 1010 is not a training world").isEqualTo("other");
    assertThat(SeedConvention.worldSet(seeds(2000, 21))).as("seed 2020 is not a test world").isEqualTo("other");
  }

  @Test
  void aRunThatMixesTrainingAndTestWorldsIsCalledWhatItIs() {
    assertThat(SeedConvention.worldSet(List.of(1009L, 2000L))).isEqualTo("training and test");
    assertThat(SeedConvention.clause(List.of(1009L, 2000L))).contains("neither a tuning nor a reporting set");
  }
}
