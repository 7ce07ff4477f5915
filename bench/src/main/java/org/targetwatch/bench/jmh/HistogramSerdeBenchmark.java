package org.targetwatch.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.targetwatch.friendship.HistogramSerde;

/**
 * {@link HistogramSerde}, the stored format of the minors' degree histogram: one known-accounts
 * slot and 1,046 buckets as unsigned varints. Figures are for a histogram of a few thousand minors
 * with a long-tailed degree distribution (most buckets small, the tail empty).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HistogramSerdeBenchmark {
  /** The known-accounts slot plus MinorDegreeDistribution's 1,024 exact and 22 power-of-two buckets. */
  static final int SLOTS = 1 + 1024 + 22;

  private final HistogramSerde serde = new HistogramSerde();
  private Serializer<long[]> serializer;
  private Deserializer<long[]> deserializer;
  private long[] histogram;
  private byte[] bytes;

  @Setup
  public void setUp() {
    serializer = serde.serializer();
    deserializer = serde.deserializer();
    histogram = realisticHistogram(new SplittableRandom(1), 2500, 5000);
    bytes = serializer.serialize("", histogram);
  }

  /** {@code minors} degrees drawn from a long-tailed distribution (median ~60, a tail into the hundreds). */
  static long[] realisticHistogram(SplittableRandom random, int minors, int knownAccounts) {
    long[] slots = new long[SLOTS];
    slots[0] = knownAccounts;
    for (int i = 0; i < minors; i++) {
      int degree = (int) Math.min(1023, Math.round(60 * Math.exp(random.nextGaussian() * 0.8)));
      slots[1 + degree]++;
    }
    return slots;
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.serialize("", histogram);
  }

  @Benchmark
  public long[] deserialize() {
    return deserializer.deserialize("", bytes);
  }
}
