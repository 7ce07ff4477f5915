package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.testing.InMemoryStores;

/**
 * The minors' degree distribution as two processors of one task see it: separate instances over one
 * store, one changing it as friendships change, the other asking it on every contact.
 */
class MinorDegreeDistributionTest {

  /** An in-memory store of the distribution's kind, as a task holds it. */
  static KeyValueStore<String, byte[]> store() {
    return store("minor-degree-distribution", Serdes.ByteArray());
  }

  /** An in-memory store of the given name and values, initialised as a task would, without a changelog. */
  static <V> KeyValueStore<String, V> store(String name, org.apache.kafka.common.serialization.Serde<V> values) {
    return InMemoryStores.keyValue(name, values);
  }

  @Test
  void aReaderSeesEveryChangeAnotherInstanceWritesToTheStore() {
    KeyValueStore<String, byte[]> store = store();
    MinorDegreeDistribution writer = new MinorDegreeDistribution(store);
    MinorDegreeDistribution reader = new MinorDegreeDistribution(store);
    writer.adjustKnownAccounts(4);
    writer.addMinor(10);
    writer.addMinor(20);

    MinorDegreeDistribution.Snapshot before = reader.snapshot();
    assertThat(before.minors()).isEqualTo(2);
    assertThat(before.percentileOf(20)).isEqualTo(0.75);
    assertThat(reader.snapshot()).as("unchanged store, same snapshot").isSameAs(before);

    writer.moveMinor(10, 30);

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
    one.addMinor(5);
    other.addMinor(5);
    one.addMinor(7);

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
      models.add(new long[MinorDegreeDistribution.BUCKETS + 1]);
    }
    for (int step = 0; step < 5_000; step++) {
      int task = random.nextInt(2);
      long[] model = models.get(task);
      MinorDegreeDistribution instance = instances.get(task).get(random.nextInt(3));
      int from = random.nextInt(40);
      int to = random.nextInt(40);
      switch (random.nextInt(4)) {
        case 0 -> {
          instance.addMinor(to);
          model[MinorDegreeDistribution.bucketOf(to) + 1]++;
        }
        case 1 -> {
          instance.removeMinor(from);
          int slot = MinorDegreeDistribution.bucketOf(from) + 1;
          model[slot] = Math.max(0, model[slot] - 1);
        }
        case 2 -> {
          instance.moveMinor(from, to);
          if (from != to) {
            model[to + 1]++;
            model[from + 1] = Math.max(0, model[from + 1] - 1);
          }
        }
        default -> {
          instance.adjustKnownAccounts(1);
          model[MinorDegreeDistribution.KNOWN_ACCOUNTS]++;
        }
      }
      assertThat(HistogramSerde.decode(stores.get(task).get(MinorDegreeDistribution.KEY))).as("step %d", step)
          .containsExactly(model);
      long minors = java.util.Arrays.stream(model).skip(1).sum();
      MinorDegreeDistribution reader = instances.get(task).get(random.nextInt(3));
      assertThat(reader.snapshot().minors()).as("step %d", step).isEqualTo(minors);
    }
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
