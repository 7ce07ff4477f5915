package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The task's sum of degrees: kept in step with friendships, and counted once after an upgrade. */
class PlatformDegreeSumTest {

  @Test
  void friendshipsMadeAndEndedMoveTheSumByTheirDegrees() {
    KeyValueStore<String, byte[]> store = MinorDegreeDistributionTest.store();
    PlatformDegreeSum sum = new PlatformDegreeSum(store, () -> 0);

    sum.change(+1);
    sum.change(+1);
    sum.change(+3);
    sum.change(-1);

    assertThat(sum.taskSum()).isEqualTo(4);
    assertThat(new PlatformDegreeSum(store, () -> 999).taskSum()).as("read back by another processor of the task").isEqualTo(4);
  }

  @Test
  void aStoreWrittenBeforeTheSumHasItCountedOnceFromTheFriendSets() {
    KeyValueStore<String, byte[]> store = MinorDegreeDistributionTest.store();
    store.put(MinorDegreeDistribution.KEY, new byte[] {1, 2, 3}); // a previous version's histogram, no sum
    AtomicInteger counts = new AtomicInteger();
    PlatformDegreeSum sum = new PlatformDegreeSum(store, () -> {
      counts.incrementAndGet();
      return 120;
    });

    sum.change(+2);
    sum.change(+2);

    assertThat(sum.taskSum()).isEqualTo(124);
    assertThat(counts).as("friend sets counted once").hasValue(1);
  }

  @Test
  void theSumNeverFallsBelowZero() {
    PlatformDegreeSum sum = new PlatformDegreeSum(MinorDegreeDistributionTest.store(), () -> 1);
    sum.change(-5);
    assertThat(sum.taskSum()).isZero();
  }
}
