package org.targetwatch.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.serde.InternalAvroSerde;
import org.targetwatch.testing.InMemoryStores;
import org.targetwatch.topology.WindowSpec;
import org.targetwatch.windows.MinorTargetsInMemory.MinorTarget;

/**
 * A campaign candidate's minors, held in memory, equal what a scan of the targets store gives, after
 * any mix of new targets, targets contacted again, entries written again as responses come, targets
 * that come of age, late contacts, the store's sweeps, and senders pushed out of memory.
 */
class MinorTargetsKeptInStepTest {
  private static final WindowSpec LONG = new WindowSpec("long", Duration.ofDays(28), 28);
  private static final int SENDERS_HELD = 3;

  private final KeyValueStore<String, TargetEntry> store = InMemoryStores.keyValue("targets",
      Serdes.serdeFrom(InternalAvroSerde.of(TargetEntry.class).serializer(), InternalAvroSerde.of(TargetEntry.class).deserializer()));
  private final SenderActivity held = new SenderActivity(store, Map.of(), LONG, SENDERS_HELD);
  private final SenderActivity scanned = new SenderActivity(store, Map.of(), LONG, 0);

  @Test
  void everyMixOfWritesSweepsAndEvictionsGivesWhatTheStoreHolds() {
    Random random = new Random(17);
    int checked = 0;
    int nonEmpty = 0;
    for (int step = 0; step < 5_000; step++) {
      String sender = "s" + random.nextInt(8);
      String target = targetId(random.nextInt(30));
      long at = step * 10L - random.nextInt(200); // some contacts read late
      switch (random.nextInt(10)) {
        case 0 -> held.expireTargets(at - 1_000);
        case 1, 2 -> {
          TargetEntry existing = store.get(SenderActivity.targetKey(sender, target));
          if (existing != null) { // a response or a second kind of contact: flags only
            existing.setAccepted(true);
            existing.setMessaged(random.nextBoolean());
            held.putTarget(sender, existing);
          }
        }
        default -> held.putTarget(sender, entry(target, at, random.nextInt(3) > 0, random));
      }
      long to = at + random.nextInt(100);
      long from = to - random.nextInt(2_000);
      int limit = 1 + random.nextInt(12);
      List<MinorTarget> kept = held.minorTargetsOf(sender, from, to, limit);
      assertThat(kept).as("step %d", step).isEqualTo(scan(sender, from, to, limit));
      checked++;
      nonEmpty += kept.isEmpty() ? 0 : 1;
    }
    assertThat(nonEmpty).as("lists that had minors in them").isGreaterThan(checked / 2);
  }

  @Test
  void minorsComeInTheStoresKeyOrderWhichIsTheOrderOfUtf8Bytes() {
    String[] ids = {"b", "\uE000", "a", "\uD83D\uDE00", "ab"}; // U+1F600 sorts after U+E000 in UTF-8 bytes
    for (int i = 0; i < ids.length; i++) {
      held.putTarget("s", entry(ids[i], 10L * i, true, new Random(i)));
    }

    assertThat(held.minorTargetsOf("s", 0, 100, 10)).extracting(MinorTarget::targetId)
        .containsExactly("a", "ab", "b", "\uE000", "\uD83D\uDE00")
        .isEqualTo(scan("s", 0, 100, 10).stream().map(MinorTarget::targetId).toList());
  }

  private List<MinorTarget> scan(String sender, long from, long to, int limit) {
    return scanned.targetsOf(sender, from, to).stream().filter(TargetEntry::getMinor).limit(limit).map(MinorTarget::of).toList();
  }

  private static String targetId(int n) {
    return n % 7 == 0 ? "t\uD83D\uDE00" + n : "t" + n;
  }

  private static TargetEntry entry(String target, long at, boolean minor, Random random) {
    return TargetEntry.newBuilder()
        .setTargetId(target)
        .setFirstContactAt(at)
        .setRequested(true)
        .setMessaged(false)
        .setMinor(minor)
        .setAgeBand(minor ? AgeBand.AGE_13_15 : AgeBand.ADULT)
        .setDegree(random.nextInt(300))
        .setDegreePercentile(random.nextDouble())
        .setAboveUpperQuartile(random.nextBoolean())
        .setMutualFriends(random.nextInt(3))
        .build();
  }
}
