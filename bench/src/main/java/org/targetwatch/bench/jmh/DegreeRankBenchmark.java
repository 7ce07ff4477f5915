package org.targetwatch.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.targetwatch.friendship.MinorDegreeDistribution;
import org.targetwatch.topology.DetectorConfig;

/**
 * The minors' degree distribution ({@link MinorDegreeDistribution}) in its store, asked what every
 * contact asks at the recipient (the recipient's degree rank among minors, the population's upper
 * quartile and minor share) and changed as a minor's friendship changes (a move between buckets).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DegreeRankBenchmark {
  private MinorDegreeDistribution distribution;
  private int[] recipientDegrees;
  private int next;
  private boolean movedUp;

  @Setup
  public void setUp() {
    DetectorConfig config = DetectorConfig.defaults();
    distribution = DetectorStoresOutsideTopology.stores(config).graph().minorDegrees();
    SplittableRandom random = new SplittableRandom(1);
    long[] histogram = HistogramSerdeBenchmark.realisticHistogram(random, 2500, 5000);
    distribution.adjustKnownAccounts((int) histogram[0]);
    for (int degree = 0; degree < histogram.length - 1; degree++) {
      for (long n = 0; n < histogram[degree + 1]; n++) {
        distribution.addMinor(degree);
      }
    }
    recipientDegrees = random.ints(1024, 0, 400).toArray();
  }

  /** What RecipientEnrichment asks of the distribution for one contact. */
  @Benchmark
  public void rankOfRecipient(Blackhole blackhole) {
    int degree = recipientDegrees[next++ & 1023];
    MinorDegreeDistribution.Snapshot minors = distribution.snapshot();
    blackhole.consume(minors.percentileOf(degree));
    blackhole.consume(minors.upperQuartile());
    blackhole.consume(minors.minorShare());
  }

  /** A minor gains (then loses) a friend: the minor moves between two buckets. */
  @Benchmark
  public void minorFriendshipChange() {
    if (movedUp) {
      distribution.moveMinor(61, 60);
    } else {
      distribution.moveMinor(60, 61);
    }
    movedUp = !movedUp;
  }
}
