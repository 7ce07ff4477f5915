package org.targetwatch.simulator;

import java.util.SplittableRandom;

/**
 * An interval a parameter is drawn from: uniformly, or uniformly in its logarithm when the
 * parameter spans orders of magnitude (friends, account age).
 *
 * @param lowest the smallest value drawn
 * @param highest the largest value drawn
 * @param logScale draw uniformly in log space (both bounds must then be positive)
 */
public record Range(double lowest, double highest, boolean logScale) {

  public Range {
    if (!(lowest <= highest)) {
      throw new IllegalArgumentException("range [" + lowest + ", " + highest + "] is empty");
    }
    if (logScale && lowest <= 0) {
      throw new IllegalArgumentException("a log-scale range needs positive bounds, was " + lowest);
    }
  }

  public static Range of(double lowest, double highest) {
    return new Range(lowest, highest, false);
  }

  public static Range logOf(double lowest, double highest) {
    return new Range(lowest, highest, true);
  }

  public boolean contains(double value) {
    return value >= lowest && value <= highest;
  }

  /** A value drawn from the range. */
  double draw(SplittableRandom rng) {
    double u = rng.nextDouble();
    if (logScale) {
      return Math.exp(Math.log(lowest) + u * (Math.log(highest) - Math.log(lowest)));
    }
    return lowest + u * (highest - lowest);
  }

  /**
   * A narrower range inside this one, for one world: two points drawn in it, at least
   * {@code minimumWidth} of its width apart, so worlds differ in where their accounts lie.
   */
  Range within(SplittableRandom rng, double minimumWidth) {
    double a = rng.nextDouble();
    double b = rng.nextDouble();
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    if (high - low < minimumWidth) {
      double mid = (low + high) / 2;
      low = Math.max(0, mid - minimumWidth / 2);
      high = Math.min(1, low + minimumWidth);
      low = Math.min(low, high - minimumWidth);
    }
    return new Range(at(low), at(high), logScale);
  }

  private double at(double share) {
    if (logScale) {
      return Math.exp(Math.log(lowest) + share * (Math.log(highest) - Math.log(lowest)));
    }
    return lowest + share * (highest - lowest);
  }
}
