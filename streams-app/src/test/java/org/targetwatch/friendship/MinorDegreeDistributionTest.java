package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;

/**
 * The minors' degree distribution as two processors of one task see it: separate instances over one
 * store, one changing it as friendships change, the other asking it on every contact.
 */
class MinorDegreeDistributionTest {
  private static final AgeBand TEEN = AgeBand.AGE_13_15;

  private static KeyValueStore<String, byte[]> store() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props);
    KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("minor-degree-distribution"), Serdes.String(), Serdes.ByteArray())
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  @Test
  void aReaderSeesEveryChangeAnotherInstanceWritesToTheStore() {
    KeyValueStore<String, byte[]> store = store();
    MinorDegreeDistribution writer = new MinorDegreeDistribution(store);
    MinorDegreeDistribution reader = new MinorDegreeDistribution(store);
    writer.adjustKnownAccounts(4);
    writer.addMinor(TEEN, 10);
    writer.addMinor(TEEN, 20);

    MinorDegreeDistribution.Snapshot before = reader.snapshot();
    assertThat(before.minors()).isEqualTo(2);
    assertThat(before.percentileOf(20)).isEqualTo(0.75);
    assertThat(reader.snapshot()).as("unchanged store, same snapshot").isSameAs(before);

    writer.moveMinor(TEEN, 10, 30);

    MinorDegreeDistribution.Snapshot after = reader.snapshot();
    assertThat(after.percentileOf(20)).isEqualTo(0.25);
    assertThat(after.upperQuartile()).isEqualTo(30);
    assertThat(before.percentileOf(20)).as("an earlier snapshot does not change").isEqualTo(0.75);
  }

  @Test
  void aWriterBuildsOnWhatAnotherInstanceWrote() {
    KeyValueStore<String, byte[]> store = store();
    MinorDegreeDistribution one = new MinorDegreeDistribution(store);
    MinorDegreeDistribution other = new MinorDegreeDistribution(store);
    one.addMinor(TEEN, 5);
    other.addMinor(TEEN, 5);
    one.addMinor(TEEN, 7);

    assertThat(other.snapshot().minors()).isEqualTo(3);
    assertThat(new MinorDegreeDistribution(store).snapshot().percentileOf(5)).isEqualTo(1.0 / 3);
  }

  @Test
  void instancesTakingTurnsOnTwoTasksStoresKeepEachStoreTrueToItsOwnChanges() {
    java.util.Random random = new java.util.Random(11);
    List<KeyValueStore<String, byte[]>> stores = List.of(store(), store());
    List<List<MinorDegreeDistribution>> instances = new ArrayList<>();
    List<long[]> models = new ArrayList<>();
    for (KeyValueStore<String, byte[]> store : stores) {
      instances.add(List.of(new MinorDegreeDistribution(store), new MinorDegreeDistribution(store),
          new MinorDegreeDistribution(store)));
      long[] model = new long[MinorDegreeDistribution.SLOTS];
      model[MinorDegreeDistribution.BANDS_IN_STEP] = 1;
      models.add(model);
    }
    for (int step = 0; step < 5_000; step++) {
      int task = random.nextInt(2);
      long[] model = models.get(task);
      MinorDegreeDistribution instance = instances.get(task).get(random.nextInt(3));
      AgeBand band = MinorDegreeDistribution.BANDS.get(random.nextInt(3));
      int section = MinorDegreeDistribution.sectionOf(band);
      int from = random.nextInt(40);
      int to = random.nextInt(40);
      switch (random.nextInt(4)) {
        case 0 -> {
          instance.addMinor(band, to);
          for (int s : new int[] {0, section}) {
            model[MinorDegreeDistribution.slotOf(s, to)]++;
          }
        }
        case 1 -> {
          instance.removeMinor(band, from);
          for (int s : new int[] {0, section}) {
            int slot = MinorDegreeDistribution.slotOf(s, from);
            model[slot] = Math.max(0, model[slot] - 1);
          }
        }
        case 2 -> {
          instance.moveMinor(band, from, to);
          if (from != to) {
            for (int s : new int[] {0, section}) {
              model[MinorDegreeDistribution.slotOf(s, to)]++;
              int slot = MinorDegreeDistribution.slotOf(s, from);
              model[slot] = Math.max(0, model[slot] - 1);
            }
          }
        }
        default -> {
          instance.adjustKnownAccounts(1);
          model[MinorDegreeDistribution.KNOWN_ACCOUNTS]++;
        }
      }
      assertThat(HistogramSerde.decode(stores.get(task).get(MinorDegreeDistribution.KEY))).as("step %d", step)
          .isEqualTo(model);
      long minors = 0;
      for (int b = 0; b < MinorDegreeDistribution.BUCKETS; b++) {
        minors += model[MinorDegreeDistribution.slotOf(0, b)];
      }
      MinorDegreeDistribution reader = instances.get(task).get(random.nextInt(3));
      assertThat(reader.snapshot().minors()).as("step %d", step).isEqualTo(minors);
    }
  }

  @Test
  void aMinorRanksAmongTheMinorsOfItsOwnBandBlendedByHowManyTheBandHas() {
    MinorDegreeDistribution minors = new MinorDegreeDistribution(store());
    for (int i = 0; i < 950; i++) {
      minors.addMinor(AgeBand.UNDER_13, i % 10); // under-13s: 0-9 friends
      minors.addMinor(TEEN, 20 + i % 80);        // teens: 20-99 friends
    }
    MinorDegreeDistribution.Snapshot snapshot = minors.snapshot();

    double amongAll = snapshot.percentileOf(9);
    double amongUnder13s = snapshot.percentileOf(AgeBand.UNDER_13, 9);

    assertThat(amongAll).as("the most befriended under-13s look average among all minors").isBetween(0.45, 0.5);
    // 950 / (950 + 50) of the band's rank (0.95) and the rest of the rank among all minors
    assertThat(amongUnder13s).isCloseTo(0.95 * 0.95 + 0.05 * amongAll, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(snapshot.percentileOf(AgeBand.ADULT, 9)).as("not a minor's band").isEqualTo(amongAll);
  }

  @Test
  void aValueWrittenBeforeTheBandsIsTakenAsItIsAndItsBandsAreCountedOnceFromTheTasksMinors() {
    KeyValueStore<String, byte[]> store = store();
    long[] previousVersion = new long[MinorDegreeDistribution.ALL_MINORS_ONLY_SLOTS];
    previousVersion[MinorDegreeDistribution.KNOWN_ACCOUNTS] = 10;
    previousVersion[1 + 2] = 3; // three minors with 2 friends
    previousVersion[1 + 40] = 1; // one with 40
    store.put(MinorDegreeDistribution.KEY, HistogramSerde.encode(previousVersion));
    java.util.concurrent.atomic.AtomicInteger countings = new java.util.concurrent.atomic.AtomicInteger();
    MinorDegreeDistribution.BandCounts taskMinors = minor -> {
      countings.incrementAndGet();
      minor.accept(AgeBand.UNDER_13, 2);
      minor.accept(AgeBand.UNDER_13, 2);
      minor.accept(AgeBand.UNDER_13, 2);
      minor.accept(TEEN, 40);
    };

    MinorDegreeDistribution.Snapshot snapshot = new MinorDegreeDistribution(store, taskMinors).snapshot();
    new MinorDegreeDistribution(store, taskMinors).snapshot();

    assertThat(snapshot.minors()).isEqualTo(4);
    assertThat(snapshot.minorShare()).isEqualTo(0.4);
    assertThat(snapshot.percentileOf(2)).isEqualTo(0.375);
    assertThat(snapshot.percentileOf(AgeBand.UNDER_13, 2)).as("the band counted").isGreaterThan(0.375);
    assertThat(countings.get()).as("counted once, then stored with the bands").isEqualTo(1);
    assertThat(HistogramSerde.decode(store.get(MinorDegreeDistribution.KEY))).hasSize(MinorDegreeDistribution.SLOTS);
    assertThat(new MinorDegreeDistribution(store()).snapshot().percentileOf(AgeBand.UNDER_13, 2))
        .as("an empty store").isEqualTo(0.5);
  }

  @Test
  void theStoredValueIsTheVersionByteThenTheSlotCountThenEachSlotAsAnUnsignedVarint() {
    long[] slots = {5, 0, 127, 128, 300, 1L << 35};

    byte[] bytes = new HistogramSerde().serializer().serialize("t", slots);

    assertThat(bytes).containsExactly(0x01, 0x06, 0x05, 0x00, 0x7F, 0x80, 0x01, 0xAC, 0x02,
        0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
    assertThat(new HistogramSerde().deserializer().deserialize("t", bytes)).containsExactly(slots);
  }

  @Test
  void rewritingTheChangedSlotsGivesTheBytesOfEncodingEverySlot() {
    java.util.Random random = new java.util.Random(5);
    long[] slots = new long[MinorDegreeDistribution.BUCKETS + 1];
    byte[] bytes = HistogramSerde.encode(slots);
    for (int change = 0; change < 20_000; change++) {
      int a = random.nextInt(40);
      int b = random.nextInt(slots.length);
      slots[a] += random.nextInt(3) - 1 + (random.nextInt(50) == 0 ? 20_000 : 0); // sometimes a longer varint
      slots[a] = Math.max(0, slots[a]);
      slots[b] = Math.max(0, slots[b] + random.nextInt(3) - 1);
      bytes = HistogramSerde.reencode(bytes, slots, b, a, 0);
      assertThat(bytes).isEqualTo(HistogramSerde.encode(slots));
    }
    assertThat(HistogramSerde.reencode(new byte[] {1, 2, 0, 0}, slots, 1)).isEqualTo(HistogramSerde.encode(slots));
    assertThat(HistogramSerde.reencode(null, slots, 1)).isEqualTo(HistogramSerde.encode(slots));
  }

  @Test
  void aTruncatedOrUnknownHistogramIsASerializationError() {
    assertThatThrownBy(() -> HistogramSerde.decode(new byte[] {2, 1, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("format version");
    assertThatThrownBy(() -> HistogramSerde.decode(new byte[] {1, 3, 0, (byte) 0x80}))
        .isInstanceOf(SerializationException.class);
  }
}
