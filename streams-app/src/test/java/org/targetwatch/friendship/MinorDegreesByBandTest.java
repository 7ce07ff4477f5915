package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.KeyValueStore;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;

/** A minor's degree ranked within its own age band, and the bands counted once after an upgrade. */
class MinorDegreesByBandTest {
  private static final AgeBand TEEN = AgeBand.AGE_13_15;

  private static KeyValueStore<String, byte[]> store() {
    return MinorDegreeDistributionTest.store();
  }

  @Test
  void aMinorRanksAmongTheMinorsOfItsOwnBandBlendedByHowManyTheBandHas() {
    MinorDegreesByBand minors = new MinorDegreesByBand(store(), null);
    for (int i = 0; i < 950; i++) {
      minors.addMinor(AgeBand.UNDER_13, i % 10); // under-13s: 0-9 friends
      minors.addMinor(TEEN, 20 + i % 80);        // teens: 20-99 friends
    }

    double amongAll = minors.allMinors().snapshot().percentileOf(9);
    double amongUnder13s = minors.percentileOf(AgeBand.UNDER_13, 9);

    assertThat(amongAll).as("the most befriended under-13s look average among all minors").isBetween(0.45, 0.5);
    // 950 / (950 + 50) of the band's rank (0.95) and the rest of the rank among all minors
    assertThat(amongUnder13s).isCloseTo(0.95 * 0.95 + 0.05 * amongAll, Offset.offset(1e-9));
    assertThat(minors.percentileOf(AgeBand.ADULT, 9)).as("not a minor's band").isEqualTo(amongAll);
    assertThat(minors.allMinors().snapshot().minors()).isEqualTo(1900);
  }

  @Test
  void aMinorMovingBetweenDegreesMovesInItsBandAndAmongAll() {
    MinorDegreesByBand minors = new MinorDegreesByBand(store(), null);
    for (int i = 0; i < 50; i++) {
      minors.addMinor(AgeBand.AGE_16_17, 10);
    }
    minors.addMinor(AgeBand.AGE_16_17, 5);
    double before = minors.percentileOf(AgeBand.AGE_16_17, 10);

    minors.moveMinor(AgeBand.AGE_16_17, 5, 20);
    minors.removeMinor(AgeBand.AGE_16_17, 10);

    assertThat(minors.percentileOf(AgeBand.AGE_16_17, 10)).isLessThan(before);
    assertThat(minors.allMinors().snapshot().minors()).isEqualTo(50);
  }

  @Test
  void aStoreWrittenBeforeTheBandsHasItsBandsCountedOnceFromTheTasksMinors() {
    KeyValueStore<String, byte[]> store = store();
    MinorDegreeDistribution previousVersion = new MinorDegreeDistribution(store);
    previousVersion.adjustKnownAccounts(10);
    for (int degree : new int[] {2, 2, 2, 40}) {
      previousVersion.addMinor(degree);
    }
    AtomicInteger countings = new AtomicInteger();
    MinorDegreesByBand.BandCounts taskMinors = minor -> {
      countings.incrementAndGet();
      minor.accept(AgeBand.UNDER_13, 2);
      minor.accept(AgeBand.UNDER_13, 2);
      minor.accept(AgeBand.UNDER_13, 2);
      minor.accept(TEEN, 40);
    };

    MinorDegreesByBand one = new MinorDegreesByBand(store, taskMinors);
    double under13 = one.percentileOf(AgeBand.UNDER_13, 2);
    new MinorDegreesByBand(store, taskMinors).addMinor(TEEN, 40);

    assertThat(one.allMinors().snapshot().percentileOf(2)).isEqualTo(0.3);
    assertThat(under13).as("the band counted: three of three under-13s at 2").isGreaterThan(0.375);
    assertThat(countings.get()).as("counted once, then marked as counted").isEqualTo(1);
    assertThat(new MinorDegreeDistribution(store, "minors.AGE_13_15").snapshot().minors()).isEqualTo(2);
    assertThat(new MinorDegreesByBand(store(), taskMinors).percentileOf(AgeBand.UNDER_13, 2))
        .as("an empty store has nothing to count").isEqualTo(0.5);
    assertThat(countings.get()).isEqualTo(1);
  }
}
