package org.targetwatch.evaluation;

import java.util.List;

/** Median and nearest-rank percentiles of small samples. */
public final class Quantiles {
  private Quantiles() {}

  public static double median(List<Integer> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** Nearest-rank percentile: the smallest value with at least {@code p} of the sample at or below it. */
  public static double percentile(List<Integer> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
