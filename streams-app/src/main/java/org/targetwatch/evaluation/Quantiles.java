package org.targetwatch.evaluation;

import java.util.Collection;
import java.util.Objects;

/**
 * Median and nearest-rank percentiles of a small sample (a few dozen offenders per class). Both are
 * {@link Double#NaN} for an empty sample.
 */
public final class Quantiles {
  private Quantiles() {}

  /** The middle value; the mean of the two middle values for an even count. */
  public static double median(Collection<? extends Number> values) {
    double[] sorted = sorted(values);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /**
   * Nearest-rank percentile: the smallest value with at least {@code p} of the sample at or below it
   * (so always a value that occurred, e.g. p90 of 1..10 is 9).
   */
  public static double percentile(Collection<? extends Number> values, double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile must be in (0, 1], was " + p);
    }
    double[] sorted = sorted(values);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Lower quartile, median and upper quartile (nearest rank for the quartiles), for box plots. */
  public static double[] quartiles(Collection<? extends Number> values) {
    return new double[] {percentile(values, 0.25), median(values), percentile(values, 0.75)};
  }

  private static double[] sorted(Collection<? extends Number> values) {
    return values.stream().map(v -> Objects.requireNonNull(v, "null in sample")).mapToDouble(Number::doubleValue)
        .sorted().toArray();
  }
}
