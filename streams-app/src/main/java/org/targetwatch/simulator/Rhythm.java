package org.targetwatch.simulator;

import java.util.SplittableRandom;

/** When in the day people are online (UTC hours, relative weights): teens after school, adults spread out, offenders late in the evening. */
enum Rhythm {
  TEEN(new double[] {0.6, 0.3, 0.1, 0.05, 0.05, 0.1, 0.4, 1.2, 0.8, 0.5, 0.5, 0.5,
      1.0, 0.9, 1.4, 2.8, 3.2, 3.4, 3.4, 3.8, 4.0, 3.6, 2.6, 1.3}),
  ADULT(new double[] {0.4, 0.2, 0.1, 0.05, 0.05, 0.2, 0.8, 1.6, 1.8, 1.6, 1.5, 1.6,
      2.0, 1.8, 1.5, 1.5, 1.6, 2.0, 2.4, 2.8, 3.0, 2.8, 2.0, 1.0}),
  EVENING(new double[] {1.2, 0.8, 0.4, 0.2, 0.1, 0.1, 0.2, 0.3, 0.3, 0.3, 0.4, 0.5,
      0.6, 0.6, 0.8, 1.2, 1.6, 2.0, 2.6, 3.2, 3.6, 3.6, 3.0, 2.0});

  private static final long HOUR = 3_600_000L;
  private final double[] cumulative;

  Rhythm(double[] hourWeights) {
    this.cumulative = WeightedChoice.cumulative(hourWeights);
  }

  /** A millisecond offset within a day. */
  long offsetInDay(SplittableRandom rng) {
    return WeightedChoice.pick(cumulative, rng) * HOUR + rng.nextLong(HOUR);
  }
}
