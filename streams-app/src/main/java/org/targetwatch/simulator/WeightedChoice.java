package org.targetwatch.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Drawing an index with probability proportional to its weight, by binary search over cumulative weights. */
final class WeightedChoice {
  private WeightedChoice() {}

  static double[] cumulative(double[] weights) {
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    return cumulative;
  }

  /** An index drawn in proportion to its weight; the array must be non-empty with a positive total. */
  static int pick(double[] cumulative, SplittableRandom rng) {
    double x = rng.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, x);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, cumulative.length - 1);
  }
}
