package org.targetwatch.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * The real minors on the platform ranked by their friend count, rebuilt each simulated morning:
 * offenders reach for the high-degree ones (IOCTA 2019), everyone else picks without regard to
 * degree. "High-degree" is the upper quartile of minors' degrees, drawn in proportion to degree.
 */
final class MinorDegreeIndex {
  private static final int ATTEMPTS = 60;
  private final Population population;
  private final FriendshipGraph graph;
  private int[] minors = new int[0];
  private int[] highDegree = new int[0];
  private double[] highCumulative = new double[0];
  /** Each minor's share of the other minors with fewer friends today; NaN for other accounts. */
  private final double[] popularity;
  private final double popularPoolShare;
  private int upperQuartile;

  /**
   * @param popularPoolShare the most-befriended share of minors that a pick by degree draws from
   *     (a quarter in the fixed world)
   */
  MinorDegreeIndex(Population population, FriendshipGraph graph, double popularPoolShare) {
    this.population = population;
    this.graph = graph;
    this.popularPoolShare = popularPoolShare;
    this.popularity = new double[population.size];
  }

  /** Ranks the minors that exist, are real and are not deleted at {@code at}. */
  void rebuild(long at) {
    long[] keyed = new long[population.size];
    int count = 0;
    for (int i = 0; i < population.size; i++) {
      if (population.isMinor(i) && !population.fake[i] && population.isActive(i, at)) {
        keyed[count++] = ((long) graph.degree(i) << 32) | i;
      }
    }
    keyed = Arrays.copyOf(keyed, count);
    Arrays.sort(keyed);
    minors = new int[count];
    Arrays.fill(popularity, Double.NaN);
    for (int k = 0; k < count; k++) {
      minors[k] = (int) keyed[count - 1 - k];
    }
    for (int k = 0; k < count; ) {
      int d = graph.degree(minors[k]);
      int last = k;
      while (last + 1 < count && graph.degree(minors[last + 1]) == d) {
        last++;
      }
      double fewer = count <= 1 ? 0.5 : (count - 1 - last) / (double) (count - 1);
      for (int j = k; j <= last; j++) {
        popularity[minors[j]] = fewer;
      }
      k = last + 1;
    }
    upperQuartile = count == 0 ? 0 : graph.degree(minors[count / 4]);
    int poolBound = count == 0 ? 0 : graph.degree(minors[Math.min(count - 1, (int) (count * popularPoolShare))]);
    int high = 0;
    while (high < count && graph.degree(minors[high]) > poolBound) {
      high++;
    }
    high = Math.max(high, Math.min(count, 1));
    highDegree = Arrays.copyOf(minors, high);
    double[] weights = new double[high];
    for (int k = 0; k < high; k++) {
      weights[k] = graph.degree(highDegree[k]) + 1.0;
    }
    highCumulative = WeightedChoice.cumulative(weights);
  }

  /** The degree above which a minor counts as high-degree today. */
  int upperQuartile() {
    return upperQuartile;
  }

  int size() {
    return minors.length;
  }

  /**
   * How popular a minor is today among minors: the share of the other minors with fewer friends,
   * 0 (none has fewer) to 1 (all have fewer); 0.5 for an account that is not in the ranking.
   */
  double popularity(int account) {
    double p = popularity[account];
    return Double.isNaN(p) ? 0.5 : p;
  }

  /**
   * A target minor: with chance {@code highDegreeShare} one of the high-degree minors (in
   * proportion to degree), otherwise any minor; -1 when none acceptable was found.
   */
  int pick(SplittableRandom rng, double highDegreeShare, IntPredicate acceptable) {
    if (minors.length == 0) {
      return -1;
    }
    boolean high = rng.nextDouble() < highDegreeShare;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int m = high
          ? highDegree[WeightedChoice.pick(highCumulative, rng)]
          : minors[rng.nextInt(minors.length)];
      if (acceptable.test(m)) {
        return m;
      }
    }
    return -1;
  }

  /** One of the most-befriended {@code topShare} of minors, uniformly. */
  int pickAmongTop(SplittableRandom rng, double topShare, IntPredicate acceptable) {
    int top = Math.max(1, (int) (minors.length * topShare));
    for (int attempt = 0; attempt < ATTEMPTS && minors.length > 0; attempt++) {
      int m = minors[rng.nextInt(Math.min(top, minors.length))];
      if (acceptable.test(m)) {
        return m;
      }
    }
    return -1;
  }
}
